package io.github.srboot.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads StarRocks {@code CREATE TABLE}, {@code CREATE VIEW} and {@code CREATE MATERIALIZED VIEW} statements into the
 * model: both what users write and what {@code SHOW CREATE} prints. Used through {@link Ddl#parse(String)}.
 * <p>
 * A recursive-descent parser over {@link DdlLexer} tokens. Expressions (generated columns, {@code DEFAULT (..)},
 * partition expressions) are kept as text with whitespace and comments between tokens collapsed to one space; view
 * and materialized view queries are kept verbatim. MySQL display widths of integer types ({@code int(11)}) are
 * kept as written (types compare through {@link DataType#canonical()}); the engine name is kept as written. Statement
 * modifiers ({@code IF NOT EXISTS}, {@code OR REPLACE}) and a database qualifier are not part of the returned objects
 * ({@link #parseCreate(String)} keeps them). Table clauses must come in the server's order; column attributes
 * and materialized view clauses may come in any order, each at most once. Syntax errors are reported as
 * {@link DdlSyntaxException} with line, column and offending token; broken semantic rules surface as the model's
 * {@link DdlValidationException}.
 */
final class DdlParser {

    /** Words that end an expression list of {@code PARTITION BY} (at parenthesis depth zero). */
    private static final Set<String> PARTITION_EXPRESSION_END = Set.of("DISTRIBUTED", "ORDER", "PROPERTIES", "REFRESH",
            "AS", "COMMENT");

    /** The smallest value of each type, which {@code SHOW CREATE} prints as the lower bound of a first partition. */
    private static final Set<String> MINIMUM_BOUNDS = Set.of("0000-01-01", "0000-01-01 00:00:00", "-128", "-32768",
            "-2147483648", "-9223372036854775808", "-170141183460469231731687303715884105728");

    private final String source;

    private final List<Token> tokens;

    private int position;

    /** The database qualifier of the statement being read, null when none. */
    private String database;

    /** Whether the statement being read says IF NOT EXISTS. */
    private boolean ifNotExists;

    private DdlParser(String source) {
        this.source = source;
        this.tokens = DdlLexer.tokenize(source);
    }

    /**
     * Parses a script of {@code CREATE} statements separated by {@code ;}.
     * @param sql the script; comments and a trailing {@code ;} are allowed
     * @return the schema objects in script order, empty for a script without statements
     * @throws DdlSyntaxException when the text is not valid DDL of the supported statements
     * @throws DdlValidationException when a statement breaks a semantic rule of the model
     */
    static List<SchemaObject> parse(String sql) {
        return parseCreate(sql).stream().map(CreateObject::object).toList();
    }

    /**
     * Parses a script of {@code CREATE} statements, keeping each statement's database qualifier and modifiers.
     * @param sql the script
     * @return the statements in script order
     */
    static List<CreateObject> parseCreate(String sql) {
        return new DdlParser(sql).script();
    }

    private List<CreateObject> script() {
        List<CreateObject> objects = new ArrayList<>();
        while (true) {
            while (acceptSymbol(";")) {
                // empty statements are allowed between scripts' semicolons
            }
            if (peek().kind() == Token.Kind.END) {
                return List.copyOf(objects);
            }
            objects.add(statement());
            if (!acceptSymbol(";") && peek().kind() != Token.Kind.END) {
                throw error("expected ';' or the end of the input after the statement");
            }
        }
    }

    private CreateObject statement() {
        expectWord("CREATE");
        boolean orReplace = false;
        if (acceptWord("OR")) {
            expectWord("REPLACE");
            orReplace = true;
        }
        this.database = null;
        this.ifNotExists = false;
        if (acceptWord("VIEW")) {
            View view = view();
            return new CreateObject(this.database, view, this.ifNotExists, orReplace);
        }
        if (orReplace) {
            throw error("expected VIEW after CREATE OR REPLACE");
        }
        boolean temporary = acceptWord("TEMPORARY");
        if (acceptWord("TABLE")) {
            Table table = table(temporary);
            return new CreateObject(this.database, table, this.ifNotExists, false);
        }
        if (temporary) {
            throw error("expected TABLE after CREATE TEMPORARY");
        }
        if (acceptWord("MATERIALIZED")) {
            expectWord("VIEW");
            MaterializedView view = materializedView();
            return new CreateObject(this.database, view, this.ifNotExists, false);
        }
        throw error("expected TABLE, VIEW or MATERIALIZED VIEW after CREATE");
    }

    // ---------------------------------------------------------------- CREATE TABLE

    private Table table(boolean temporary) {
        skipIfNotExists();
        String name = objectName("table");
        expectSymbol("(");
        List<Column> columns = new ArrayList<>();
        List<IndexDef> indexes = new ArrayList<>();
        do {
            if (peek().isWord("INDEX")) {
                next();
                indexes.add(index());
            }
            else {
                columns.add(column());
            }
        }
        while (acceptSymbol(","));
        expectSymbol(")");
        String engine = null;
        if (acceptWord("ENGINE")) {
            expectSymbol("=");
            engine = identifier("engine name");
        }
        KeysDesc keys = keysDesc();
        String comment = acceptWord("COMMENT") ? string("table comment") : null;
        PartitionDesc partition = null;
        if (acceptWord("PARTITION")) {
            expectWord("BY");
            partition = partitionDesc();
        }
        DistributionDesc distribution = null;
        if (acceptWord("DISTRIBUTED")) {
            expectWord("BY");
            distribution = distributionDesc();
        }
        List<String> orderBy = List.of();
        if (acceptWord("ORDER")) {
            expectWord("BY");
            orderBy = identifierList("sort column");
        }
        List<Rollup> rollups = acceptWord("ROLLUP") ? rollups() : List.of();
        Map<String, String> properties = acceptWord("PROPERTIES") ? properties() : Map.of();
        if (!atStatementEnd()) {
            throw error("unexpected text in CREATE TABLE; its clauses come in the order ENGINE, key, COMMENT, "
                    + "PARTITION BY, DISTRIBUTED BY, ORDER BY, ROLLUP, PROPERTIES");
        }
        return new Table(name, columns, indexes, engine, keys, comment, partition, distribution, orderBy, properties,
                temporary, rollups);
    }

    /** StarRocks.g4 {@code rollupDesc}: ROLLUP '(' rollupItem (',' rollupItem)* ')'. */
    private List<Rollup> rollups() {
        expectSymbol("(");
        List<Rollup> rollups = new ArrayList<>();
        do {
            String name = identifier("rollup name");
            List<String> columns = identifierList("rollup column");
            List<String> duplicateKeys = List.of();
            if (acceptWord("DUPLICATE")) {
                expectWord("KEY");
                duplicateKeys = identifierList("rollup key column");
            }
            List<String> orderBy = List.of();
            if (acceptWord("ORDER")) {
                expectWord("BY");
                orderBy = identifierList("rollup sort column");
            }
            String from = acceptWord("FROM") ? identifier("rollup to build from") : null;
            Map<String, String> properties = acceptWord("PROPERTIES") ? properties() : Map.of();
            rollups.add(new Rollup(name, columns, duplicateKeys, orderBy, from, properties));
        }
        while (acceptSymbol(","));
        expectSymbol(")");
        return rollups;
    }

    private KeysDesc keysDesc() {
        KeysType type = switch (peek().upperText()) {
            case "DUPLICATE" -> KeysType.DUPLICATE;
            case "AGGREGATE" -> KeysType.AGGREGATE;
            case "UNIQUE" -> KeysType.UNIQUE;
            case "PRIMARY" -> KeysType.PRIMARY;
            default -> null;
        };
        if (type == null || peek().kind() != Token.Kind.WORD) {
            return null;
        }
        next();
        expectWord("KEY");
        return new KeysDesc(type, identifierList("key column"));
    }

    private Column column() {
        String name = identifier("column name");
        int typeStart = this.position;
        DataType type;
        try {
            type = columnType();
        }
        catch (TimeTypeFound found) {
            throw timeColumn(name, typeStart);
        }
        Column.Builder column = Column.builder(name, type);
        boolean nullabilitySeen = false;
        boolean valueSeen = false;
        boolean aggregationSeen = false;
        while (!peek().isSymbol(",") && !peek().isSymbol(")")) {
            Token token = peek();
            if (token.kind() != Token.Kind.WORD) {
                throw error("expected a column attribute (KEY, NULL, NOT NULL, DEFAULT, AUTO_INCREMENT, AS, COMMENT), "
                        + "',' or ')'");
            }
            String word = token.upperText();
            AggregationType aggregation = aggregationType(word);
            if (word.equals("KEY")) {
                next();
                column.key(true);
            }
            else if (aggregation != null) {
                once(aggregationSeen, "an aggregation type");
                next();
                aggregationSeen = true;
                column.aggregation(aggregation);
            }
            else if (word.equals("NULL") || word.equals("NOT")) {
                once(nullabilitySeen, "NULL or NOT NULL");
                next();
                boolean nullable = word.equals("NULL");
                if (!nullable) {
                    expectWord("NULL");
                }
                nullabilitySeen = true;
                column.nullable(nullable);
            }
            else if (word.equals("DEFAULT")) {
                once(valueSeen, "DEFAULT, AUTO_INCREMENT or AS");
                next();
                valueSeen = true;
                column.defaultValue(defaultValue());
            }
            else if (word.equals("AUTO_INCREMENT")) {
                once(valueSeen, "DEFAULT, AUTO_INCREMENT or AS");
                next();
                valueSeen = true;
                column.autoIncrement(true);
            }
            else if (word.equals("AS")) {
                once(valueSeen, "DEFAULT, AUTO_INCREMENT or AS");
                next();
                valueSeen = true;
                column.generatedAs(expressionText(collectUntilColumnEnd(), "generation expression"));
            }
            else if (word.equals("COMMENT")) {
                next();
                column.comment(string("column comment"));
                if (!peek().isSymbol(",") && !peek().isSymbol(")")) {
                    throw error("expected ',' or ')' after the column comment");
                }
            }
            else {
                throw error("expected a column attribute (KEY, NULL, NOT NULL, DEFAULT, AUTO_INCREMENT, AS, COMMENT), "
                        + "',' or ')'");
            }
        }
        return column.build();
    }

    private void once(boolean seen, String what) {
        if (seen) {
            throw error("a column takes " + what + " only once");
        }
    }

    private static AggregationType aggregationType(String word) {
        for (AggregationType type : AggregationType.values()) {
            if (type.name().equals(word)) {
                return type;
            }
        }
        return null;
    }

    private DefaultValue defaultValue() {
        Token token = peek();
        if (token.kind() == Token.Kind.STRING) {
            next();
            return DefaultValue.literal(token.value());
        }
        if (token.kind() == Token.Kind.NUMBER || token.isSymbol("-")) {
            // An unquoted number means the same as the quoted literal the server prints.
            return DefaultValue.literal(signedNumber("default value"));
        }
        if (token.isWord("NULL")) {
            next();
            return DefaultValue.NULL;
        }
        if (token.isWord("CURRENT_TIMESTAMP")) {
            next();
            return DefaultValue.CURRENT_TIMESTAMP;
        }
        if (token.isSymbol("[") || ((token.isWord("MAP") && this.tokens.get(this.position + 1).isSymbol("{"))
                || (token.isWord("ROW") && this.tokens.get(this.position + 1).isSymbol("(")))) {
            // [..], map{..}, row(..): the constant of an ARRAY, MAP or STRUCT column.
            int start = this.position;
            if (!token.isSymbol("[")) {
                next();
            }
            parenthesisedRange();
            return DefaultValue.complex(text(start, this.position));
        }
        if (token.isSymbol("(")) {
            int[] inner = parenthesisedRange();
            if (inner[0] == inner[1]) {
                throw new DdlSyntaxException("expected an expression inside DEFAULT ( )", token.line(), token.column(),
                        token.text());
            }
            return DefaultValue.expression(text(inner[0], inner[1]));
        }
        throw error("expected a DEFAULT value: a string, NULL, CURRENT_TIMESTAMP, (expression), [..], map{..} or "
                + "row(..)");
    }

    private String signedNumber(String what) {
        StringBuilder number = new StringBuilder();
        if (acceptSymbol("-")) {
            number.append('-');
        }
        Token token = peek();
        if (token.kind() != Token.Kind.NUMBER) {
            throw error("expected a number as " + what);
        }
        next();
        return number.append(token.text()).toString();
    }

    /** Collects the tokens of a generated column's expression: up to a top-level ',', ')' or COMMENT. */
    private int[] collectUntilColumnEnd() {
        int start = this.position;
        int depth = 0;
        while (true) {
            Token token = peek();
            if (token.kind() == Token.Kind.END || token.isSymbol(";")) {
                if (depth > 0) {
                    throw error("expected ')' to close the generation expression");
                }
                break;
            }
            if (depth == 0 && (token.isSymbol(",") || token.isSymbol(")") || token.isWord("COMMENT"))) {
                break;
            }
            depth += depthChange(token);
            next();
        }
        return new int[] { start, this.position };
    }

    private IndexDef index() {
        String name = identifier("index name");
        List<String> columns = identifierList("index column");
        IndexType type = IndexType.BITMAP;
        if (acceptWord("USING")) {
            Token token = peek();
            type = switch (token.upperText()) {
                case "BITMAP" -> IndexType.BITMAP;
                case "GIN" -> IndexType.GIN;
                case "NGRAMBF" -> IndexType.NGRAMBF;
                case "VECTOR" -> IndexType.VECTOR;
                default -> throw error("expected the index type BITMAP, GIN, NGRAMBF or VECTOR");
            };
            next();
        }
        Map<String, String> properties = peek().isSymbol("(") ? propertyList() : Map.of();
        String comment = acceptWord("COMMENT") ? string("index comment") : null;
        return new IndexDef(name, columns, type, properties, comment);
    }

    /**
     * StarRocks' grammar knows TIME, and its analyzer refuses it as a column type, alone or inside ARRAY/MAP/STRUCT
     * ("Type:%s of column:%s does not support", recorded: StarRocks'
     * test/sql/test_create_table/R/test_create_table_with_time steps 1-4). The
     * type is named as StarRocks prints it: upper case, no blanks (ARRAY<TIME>, MAP<BIGINT,TIME>); a STRUCT prints
     * its fields in another form, so its refusal carries the model's words only.
     */
    private DdlValidationException timeColumn(String name, int typeStart) {
        StringBuilder type = new StringBuilder();
        int depth = 0;
        boolean struct = false;
        for (int i = typeStart; i < this.tokens.size(); i++) {
            Token token = this.tokens.get(i);
            if (token.kind() == Token.Kind.END || (depth == 0 && i > typeStart && !token.isSymbol("<")
                    && !token.isSymbol("("))) {
                break;
            }
            struct |= token.isWord("STRUCT");
            depth += (token.isSymbol("<") || token.isSymbol("(")) ? 1 : (token.isSymbol(">") || token.isSymbol(")"))
                    ? -1 : 0;
            type.append(token.upperText());
        }
        return new DdlValidationException("column " + Names.display(name), "TIME is no column type StarRocks stores"
                + " (in " + type + ")", struct ? null : "Type:" + type + " of column:" + name + " does not support");
    }

    /** Thrown by the type reader at TIME, caught where the column's name is known. */
    private static final class TimeTypeFound extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TimeTypeFound() {
            super(null, null, false, false);
        }

    }

    // ---------------------------------------------------------------- data types

    /**
     * A column's type: a data type, or an aggregate state {@code function(type, ...)}, which StarRocks' grammar
     * reads in place of the type (a name that is no type, followed by '(').
     */
    private DataType columnType() {
        Token token = peek();
        if (token.kind() == Token.Kind.WORD && !isTypeName(token.upperText())
                && this.tokens.get(this.position + 1).isSymbol("(")) {
            next();
            expectSymbol("(");
            List<DataType> arguments = new ArrayList<>();
            List<Boolean> nullability = new ArrayList<>();
            do {
                arguments.add(dataType());
                // StarRocks.g4: the arguments of aggStateDesc are typeWithNullable, type (NULL | NOT NULL)?
                if (acceptWord("NULL")) {
                    nullability.add(Boolean.TRUE);
                }
                else if (acceptWord("NOT")) {
                    expectWord("NULL");
                    nullability.add(Boolean.FALSE);
                }
                else {
                    nullability.add(null);
                }
            }
            while (acceptSymbol(","));
            expectSymbol(")");
            return new AggregateStateType(token.text(), arguments, nullability);
        }
        return dataType();
    }

    /** Whether a word (upper case) names a data type: ARRAY, MAP, STRUCT or a scalar type in any spelling. */
    static boolean isTypeName(String name) {
        return name.equals("ARRAY") || name.equals("MAP") || name.equals("STRUCT") || scalarKind(name) != null;
    }

    private DataType dataType() {
        Token token = peek();
        if (token.kind() != Token.Kind.WORD) {
            throw error("expected a data type");
        }
        next();
        String name = token.upperText();
        switch (name) {
            case "ARRAY" -> {
                expectSymbol("<");
                DataType element = dataType();
                expectSymbol(">");
                return DataType.array(element);
            }
            case "MAP" -> {
                expectSymbol("<");
                DataType key = dataType();
                expectSymbol(",");
                DataType value = dataType();
                expectSymbol(">");
                return DataType.map(key, value);
            }
            case "STRUCT" -> {
                expectSymbol("<");
                List<StructField> fields = new ArrayList<>();
                do {
                    String fieldName = identifier("struct field name");
                    fields.add(DataType.field(fieldName, dataType()));
                }
                while (acceptSymbol(","));
                expectSymbol(">");
                return new StructType(fields);
            }
            default -> {
                return scalarType(token, name);
            }
        }
    }

    private DataType scalarType(Token token, String name) {
        ScalarKind kind = scalarKind(name);
        if (kind == null && name.equals("TIME")) {
            throw new TimeTypeFound();
        }
        if (kind == null) {
            throw new DdlSyntaxException("unknown data type", token.line(), token.column(), token.text());
        }
        List<Integer> arguments = new ArrayList<>();
        if (acceptSymbol("(")) {
            do {
                arguments.add(integer("type argument"));
            }
            while (acceptSymbol(","));
            expectSymbol(")");
        }
        if (kind.isInteger() && arguments.size() > 1) {
            throw new DdlSyntaxException("an integer type takes at most one display width", token.line(),
                    token.column(), token.text());
        }
        // int(11) and friends keep their MySQL display width, so the text round-trips; canonical() drops it.
        return new ScalarType(kind, arguments);
    }

    private static ScalarKind scalarKind(String name) {
        switch (name) {
            case "INTEGER" -> {
                return ScalarKind.INT;
            }
            case "NUMERIC", "NUMBER" -> {
                return ScalarKind.DECIMAL;
            }
            case "TEXT" -> {
                return ScalarKind.STRING;
            }
            default -> {
                // the kinds spelled as their names
            }
        }
        for (ScalarKind kind : ScalarKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- partitioning and distribution

    private PartitionDesc partitionDesc() {
        if (acceptWord("RANGE")) {
            List<int[]> items = parenthesisedItems("partition column");
            if (!peek().isSymbol("(")) {
                // StarRocks 3.0 printed expression partitioning as RANGE(expression) without a partition list.
                return new ExpressionPartitionDesc(items.stream().map((item) -> text(item[0], item[1])).toList());
            }
            if (items.size() == 1 && !isSingleIdentifier(items.get(0))) {
                // RANGE(from_unixtime(ts)) (...): one expression with a partition list.
                String expression = text(items.get(0)[0], items.get(0)[1]);
                return RangePartitionDesc.onExpression(expression, rangePartitions(List.of(expression)));
            }
            List<String> partitionColumns = itemsAsIdentifiers(items, "range partition column");
            return new RangePartitionDesc(partitionColumns, rangePartitions(partitionColumns));
        }
        if (acceptWord("LIST")) {
            List<String> partitionColumns = identifierList("list partition column");
            if (!peek().isSymbol("(")) {
                // PARTITION BY LIST (c1, c2) without partitions is StarRocks' automatic list partitioning, the same
                // grammar alternative as PARTITION BY (c1, c2): LIST is optional there.
                return ExpressionPartitionDesc.columns(partitionColumns.toArray(String[]::new));
            }
            return new ListPartitionDesc(partitionColumns, listPartitions());
        }
        List<String> expressions = partitionExpressions();
        if (peek().isSymbol("(")) {
            // PARTITION BY date_trunc('day', dt) (START .. END .. EVERY ..): one function with its first partitions.
            return new ExpressionPartitionDesc(expressions, rangePartitions(expressions));
        }
        return new ExpressionPartitionDesc(expressions);
    }

    /** {@code PARTITION BY e1, e2} or {@code PARTITION BY (e1, e2)}. */
    private List<String> partitionExpressions() {
        if (peek().isSymbol("(")) {
            int close = matchingClose(this.position);
            if (isPartitionExpressionEnd(this.tokens.get(close + 1))) {
                return parenthesisedItems("partition expression").stream()
                    .map((item) -> text(item[0], item[1]))
                    .toList();
            }
        }
        List<String> expressions = new ArrayList<>();
        do {
            int start = this.position;
            int depth = 0;
            while (true) {
                Token token = peek();
                if (token.kind() == Token.Kind.END || token.isSymbol(";")
                        || (depth == 0 && (token.isSymbol(",") || isPartitionExpressionEnd(token)))
                        || (depth == 0 && start != this.position && startsPartitionList())) {
                    break;
                }
                depth += depthChange(token);
                if (depth < 0) {
                    throw error("unbalanced ')' in the partition expression");
                }
                next();
            }
            if (start == this.position) {
                throw error("expected a partition expression");
            }
            expressions.add(text(start, this.position));
        }
        while (acceptSymbol(","));
        return expressions;
    }

    /** At '(' followed by PARTITION or START: the partition list after a partition function. */
    private boolean startsPartitionList() {
        return peek().isSymbol("(") && (this.tokens.get(this.position + 1).isWord("PARTITION")
                || this.tokens.get(this.position + 1).isWord("START"));
    }

    private static boolean isPartitionExpressionEnd(Token token) {
        return token.kind() == Token.Kind.END || token.isSymbol(";")
                || (token.kind() == Token.Kind.WORD && PARTITION_EXPRESSION_END.contains(token.upperText()));
    }

    private List<RangePartition> rangePartitions(List<String> partitionColumns) {
        expectSymbol("(");
        List<RangePartition> partitions = new ArrayList<>();
        if (acceptSymbol(")")) {
            return partitions;
        }
        do {
            if (acceptWord("START")) {
                partitions.add(batch());
            }
            else {
                expectWord("PARTITION");
                RangePartition partition = rangePartition(partitions, partitionColumns);
                partitions.add(peek().isSymbol("(") ? withProperties(partition, propertyList()) : partition);
            }
        }
        while (acceptSymbol(","));
        expectSymbol(")");
        return partitions;
    }

    private RangePartition batch() {
        expectSymbol("(");
        String start = string("START value");
        expectSymbol(")");
        expectWord("END");
        expectSymbol("(");
        String end = string("END value");
        expectSymbol(")");
        expectWord("EVERY");
        expectSymbol("(");
        Interval every = peek().isWord("INTERVAL") ? interval() : Interval.step(longValue("EVERY step"));
        expectSymbol(")");
        return new RangePartition.Batch(start, end, every);
    }

    private RangePartition rangePartition(List<RangePartition> earlier, List<String> partitionColumns) {
        String name = identifier("partition name");
        expectWord("VALUES");
        if (acceptWord("LESS")) {
            expectWord("THAN");
            if (acceptWord("MAXVALUE")) {
                return new RangePartition.LessThan(name, List.of());
            }
            Token open = peek();
            List<String> values = boundTuple();
            if (values == null) {
                return new RangePartition.LessThan(name, List.of());
            }
            if (values.contains(null)) {
                throw new DdlSyntaxException("MAXVALUE can only stand alone in LESS THAN", open.line(), open.column(),
                        open.text());
            }
            return new RangePartition.LessThan(name, values);
        }
        if (!peek().isSymbol("[")) {
            throw error("expected LESS THAN or '[' after VALUES");
        }
        Token bracket = next();
        List<String> lower = boundTuple();
        expectSymbol(",");
        Token upperStart = peek();
        List<String> upper = boundTuple();
        expectSymbol(")");
        if (lower == null || lower.contains(null)) {
            throw new DdlSyntaxException("MAXVALUE cannot be a lower bound", bracket.line(), bracket.column(),
                    bracket.text());
        }
        if (upper == null) {
            return maxValuePartition(name, lower, earlier, partitionColumns.size());
        }
        if (upper.contains(null)) {
            throw new DdlSyntaxException("MAXVALUE in only some columns of an upper bound is not supported",
                    upperStart.line(), upperStart.column(), upperStart.text());
        }
        return new RangePartition.Fixed(name, lower, upper);
    }

    /**
     * {@code SHOW CREATE} prints a {@code LESS THAN MAXVALUE} partition as {@code [("lo"), (MAXVALUE))}. This reads it
     * back as {@code LESS THAN MAXVALUE} when that means the same: when the lower bound is where the previous
     * partition ends, or the type's minimum for a first partition; otherwise (a last partition after a gap) as the
     * fixed range {@code [lo, MAXVALUE)}.
     */
    private RangePartition maxValuePartition(String name, List<String> lower, List<RangePartition> earlier, int width) {
        List<String> previousUpper = null;
        if (!earlier.isEmpty()) {
            RangePartition previous = earlier.get(earlier.size() - 1);
            if (previous instanceof RangePartition.Fixed fixed) {
                previousUpper = fixed.upper();
            }
            else if (previous instanceof RangePartition.LessThan lessThan && lessThan.values().size() == width) {
                previousUpper = lessThan.values();
            }
        }
        boolean follows = (previousUpper != null) ? previousUpper.equals(lower)
                : earlier.isEmpty() && MINIMUM_BOUNDS.containsAll(lower);
        return follows ? new RangePartition.LessThan(name, List.of()) : new RangePartition.Fixed(name, lower, List.of());
    }

    /**
     * Reads {@code ("v", ...)}, {@code (MAXVALUE)} or {@code MAXVALUE}.
     * @return the values with null for each MAXVALUE inside a tuple, or null for a bound that is only MAXVALUE
     */
    private List<String> boundTuple() {
        if (acceptWord("MAXVALUE")) {
            return null;
        }
        expectSymbol("(");
        List<String> values = new ArrayList<>();
        do {
            if (acceptWord("MAXVALUE")) {
                values.add(null);
            }
            else {
                values.add(string("partition bound value"));
            }
        }
        while (acceptSymbol(","));
        expectSymbol(")");
        return values.stream().allMatch((value) -> value == null) ? null : values;
    }

    private List<ListPartition> listPartitions() {
        expectSymbol("(");
        List<ListPartition> partitions = new ArrayList<>();
        if (acceptSymbol(")")) {
            return partitions;
        }
        do {
            expectWord("PARTITION");
            String name = identifier("partition name");
            expectWord("VALUES");
            expectWord("IN");
            expectSymbol("(");
            List<List<String>> values = new ArrayList<>();
            do {
                if (acceptSymbol("(")) {
                    List<String> tuple = new ArrayList<>();
                    do {
                        tuple.add(listValue());
                    }
                    while (acceptSymbol(","));
                    expectSymbol(")");
                    values.add(tuple);
                }
                else {
                    values.add(java.util.Collections.singletonList(listValue()));
                }
            }
            while (acceptSymbol(","));
            expectSymbol(")");
            Map<String, String> properties = peek().isSymbol("(") ? propertyList() : Map.of();
            partitions.add(new ListPartition(name, values, properties));
        }
        while (acceptSymbol(","));
        expectSymbol(")");
        return partitions;
    }

    /** A range partition with the properties written after it ({@code PARTITION p VALUES .. ("k" = "v")}). */
    private static RangePartition withProperties(RangePartition partition, Map<String, String> properties) {
        if (partition instanceof RangePartition.LessThan lessThan) {
            return new RangePartition.LessThan(lessThan.name(), lessThan.values(), properties);
        }
        RangePartition.Fixed fixed = (RangePartition.Fixed) partition;
        return new RangePartition.Fixed(fixed.name(), fixed.lower(), fixed.upper(), properties);
    }

    /** A LIST partition value: a string, or NULL (held as null). */
    private String listValue() {
        return acceptWord("NULL") ? null : string("partition value");
    }

    private DistributionDesc distributionDesc() {
        if (acceptWord("HASH")) {
            List<String> columns = identifierList("distribution column");
            return new HashDistribution(columns, buckets());
        }
        if (acceptWord("RANDOM")) {
            return new RandomDistribution(buckets());
        }
        throw error("expected HASH or RANDOM after DISTRIBUTED BY");
    }

    private Integer buckets() {
        return acceptWord("BUCKETS") ? integer("bucket count") : null;
    }

    private Interval interval() {
        expectWord("INTERVAL");
        long amount = longValue("interval amount");
        Token unit = peek();
        if (unit.kind() != Token.Kind.WORD) {
            throw error("expected an interval unit");
        }
        for (IntervalUnit candidate : IntervalUnit.values()) {
            if (candidate.name().equals(unit.upperText())) {
                next();
                return Interval.of(amount, candidate);
            }
        }
        throw error("unknown interval unit");
    }

    // ---------------------------------------------------------------- views

    private View view() {
        skipIfNotExists();
        String name = objectName("view");
        List<ViewColumn> columns = peek().isSymbol("(") ? viewColumns(null) : List.of();
        String comment = acceptWord("COMMENT") ? string("view comment") : null;
        ViewSecurity security = null;
        if (acceptWord("SECURITY")) {
            if (acceptWord("NONE")) {
                security = ViewSecurity.NONE;
            }
            else if (acceptWord("INVOKER")) {
                security = ViewSecurity.INVOKER;
            }
            else {
                throw error("expected NONE or INVOKER after SECURITY");
            }
        }
        expectWord("AS");
        return new View(name, columns, comment, security, query());
    }

    /** The column list; indexes after the columns go to {@code indexes}, refused when it is null (a view). */
    private List<ViewColumn> viewColumns(List<IndexDef> indexes) {
        expectSymbol("(");
        List<ViewColumn> columns = new ArrayList<>();
        do {
            if (peek().isWord("INDEX") && indexes != null && !columns.isEmpty()) {
                next();
                indexes.add(index());
                continue;
            }
            if (peek().isWord("INDEX")) {
                throw error((indexes == null) ? "a view has no indexes"
                        : "the indexes of a materialized view come after its columns");
            }
            if (indexes != null && !indexes.isEmpty()) {
                throw error("the indexes of a materialized view come after its columns");
            }
            String name = identifier("view column name");
            String comment = acceptWord("COMMENT") ? string("view column comment") : null;
            columns.add(new ViewColumn(name, comment));
        }
        while (acceptSymbol(","));
        expectSymbol(")");
        return columns;
    }

    /**
     * The query after {@code AS}, verbatim: the source from just after {@code AS} up to the {@code ;} that ends the
     * statement (or the end of the input), without surrounding whitespace. Comments inside and around it are kept.
     */
    private String query() {
        Token as = this.tokens.get(this.position - 1);
        int first = this.position;
        while (peek().kind() != Token.Kind.END && !peek().isSymbol(";")) {
            next();
        }
        if (first == this.position) {
            throw error("expected a query after AS");
        }
        return this.source.substring(as.endOffset(), peek().offset()).strip();
    }

    private MaterializedView materializedView() {
        skipIfNotExists();
        String name = objectName("materialized view");
        List<IndexDef> indexes = new ArrayList<>();
        List<ViewColumn> columns = peek().isSymbol("(") ? viewColumns(indexes) : List.of();
        String comment = acceptWord("COMMENT") ? string("materialized view comment") : null;
        PartitionDesc partition = null;
        DistributionDesc distribution = null;
        List<String> orderBy = null;
        RefreshScheme refresh = null;
        Map<String, String> properties = null;
        while (!peek().isWord("AS")) {
            Token clause = peek();
            if (acceptWord("PARTITION")) {
                onceClause(partition != null, clause);
                expectWord("BY");
                partition = partitionDesc();
            }
            else if (acceptWord("DISTRIBUTED")) {
                onceClause(distribution != null, clause);
                expectWord("BY");
                distribution = distributionDesc();
            }
            else if (acceptWord("ORDER")) {
                onceClause(orderBy != null, clause);
                expectWord("BY");
                orderBy = identifierList("sort column");
            }
            else if (acceptWord("REFRESH")) {
                onceClause(refresh != null, clause);
                refresh = refreshScheme();
            }
            else if (acceptWord("PROPERTIES")) {
                onceClause(properties != null, clause);
                properties = properties();
            }
            else {
                throw error("expected PARTITION BY, DISTRIBUTED BY, ORDER BY, REFRESH, PROPERTIES or AS");
            }
        }
        expectWord("AS");
        return new MaterializedView(name, columns, comment, partition, distribution,
                (orderBy != null) ? orderBy : List.of(), refresh, (properties != null) ? properties : Map.of(),
                query(), indexes);
    }

    private static void onceClause(boolean seen, Token clause) {
        if (seen) {
            throw new DdlSyntaxException("the clause is given twice", clause.line(), clause.column(), clause.text());
        }
    }

    private RefreshScheme refreshScheme() {
        RefreshMoment moment = null;
        if (acceptWord("IMMEDIATE")) {
            moment = RefreshMoment.IMMEDIATE;
        }
        else if (acceptWord("DEFERRED")) {
            moment = RefreshMoment.DEFERRED;
        }
        if (acceptWord("MANUAL")) {
            return new RefreshScheme(moment, RefreshType.MANUAL, null, null);
        }
        if (acceptWord("INCREMENTAL")) {
            // Only older servers know INCREMENTAL; it is read so that their text can be reflected, and the printer
            // refuses to write it (see DdlPrinter.refresh).
            return new RefreshScheme(moment, RefreshType.INCREMENTAL, null, null);
        }
        // StarRocks.g4 (fe/fe-grammar/.../grammar/StarRocks.g4, refreshSchemeDesc, main after 4.1):
        // REFRESH (IMMEDIATE | DEFERRED)? (ASYNC | (ASYNC | SCHEDULE) (START '(' string ')')? EVERY '(' interval ')'
        // | MANUAL). SCHEDULE is another spelling of a scheduled ASYNC refresh, so it reads as ASYNC with its EVERY.
        boolean schedule = acceptWord("SCHEDULE");
        if (!schedule && !acceptWord("ASYNC")) {
            throw error("expected ASYNC, SCHEDULE, MANUAL or INCREMENTAL after REFRESH");
        }
        String start = null;
        if (acceptWord("START")) {
            expectSymbol("(");
            start = string("refresh start time");
            expectSymbol(")");
        }
        Interval every = null;
        if (acceptWord("EVERY")) {
            expectSymbol("(");
            every = interval();
            expectSymbol(")");
        }
        else if (schedule) {
            throw error("expected EVERY(INTERVAL n unit): REFRESH SCHEDULE needs its period");
        }
        return new RefreshScheme(moment, RefreshType.ASYNC, start, every);
    }

    // ---------------------------------------------------------------- shared pieces

    private void skipIfNotExists() {
        if (acceptWord("IF")) {
            expectWord("NOT");
            expectWord("EXISTS");
            this.ifNotExists = true;
        }
    }

    /** {@code name} or {@code db.name} (also {@code default_catalog.db.name}); the database is kept aside. */
    private String objectName(String what) {
        String name = identifier(what + " name");
        if (acceptSymbol(".")) {
            String qualified = identifier(what + " name after the database");
            if (acceptSymbol(".")) {
                if (!name.equalsIgnoreCase("default_catalog")) {
                    throw error("only the internal catalog (default_catalog) holds tables this model describes, not "
                            + name);
                }
                name = qualified;
                qualified = identifier(what + " name after the database");
            }
            this.database = name;
            return qualified;
        }
        return name;
    }

    private Map<String, String> properties() {
        if (!peek().isSymbol("(")) {
            throw error("expected '(' after PROPERTIES");
        }
        return propertyList();
    }

    /** {@code ("k" = "v", ...)}, kept in written order; a key given twice is an error. */
    private Map<String, String> propertyList() {
        expectSymbol("(");
        Map<String, String> properties = new LinkedHashMap<>();
        if (acceptSymbol(")")) {
            return properties;
        }
        do {
            Token keyToken = peek();
            String key = string("property key");
            expectSymbol("=");
            String value = string("property value");
            if (properties.putIfAbsent(key, value) != null) {
                throw new DdlSyntaxException("the property is given twice", keyToken.line(), keyToken.column(),
                        keyToken.text());
            }
        }
        while (acceptSymbol(","));
        expectSymbol(")");
        return properties;
    }

    private List<String> identifierList(String what) {
        expectSymbol("(");
        List<String> names = new ArrayList<>();
        do {
            names.add(identifier(what));
        }
        while (acceptSymbol(","));
        expectSymbol(")");
        return names;
    }

    /** The comma-separated items inside the parentheses that start at the current token, as token ranges. */
    private List<int[]> parenthesisedItems(String what) {
        expectSymbol("(");
        List<int[]> items = new ArrayList<>();
        int start = this.position;
        int depth = 0;
        while (true) {
            Token token = peek();
            if (token.kind() == Token.Kind.END || token.isSymbol(";")) {
                throw error("expected ')'");
            }
            if (depth == 0 && (token.isSymbol(",") || token.isSymbol(")"))) {
                if (start == this.position) {
                    throw error("expected a " + what);
                }
                items.add(new int[] { start, this.position });
                next();
                if (token.isSymbol(")")) {
                    return items;
                }
                start = this.position;
                continue;
            }
            depth += depthChange(token);
            next();
        }
    }

    private boolean isSingleIdentifier(int[] item) {
        return item[1] - item[0] == 1 && this.tokens.get(item[0]).isIdentifier();
    }

    private List<String> itemsAsIdentifiers(List<int[]> items, String what) {
        List<String> names = new ArrayList<>();
        for (int[] item : items) {
            Token token = this.tokens.get(item[0]);
            if (item[1] - item[0] != 1 || !token.isIdentifier()) {
                throw new DdlSyntaxException("expected a " + what + " name; range partitioning on an expression "
                        + "with a partition list is not supported", token.line(), token.column(), token.text());
            }
            names.add(token.value());
        }
        return names;
    }

    /** The inner token range of the parenthesised group starting at the current token; moves past it. */
    private int[] parenthesisedRange() {
        int open = this.position;
        int close = matchingClose(open);
        this.position = close + 1;
        return new int[] { open + 1, close };
    }

    private int matchingClose(int open) {
        int depth = 0;
        for (int i = open; i < this.tokens.size(); i++) {
            Token token = this.tokens.get(i);
            if (token.kind() == Token.Kind.END || token.isSymbol(";")) {
                break;
            }
            depth += depthChange(token);
            if (depth == 0) {
                return i;
            }
        }
        Token token = this.tokens.get(open);
        throw new DdlSyntaxException("this '(' is never closed", token.line(), token.column(), token.text());
    }

    private static int depthChange(Token token) {
        if (token.isSymbol("(") || token.isSymbol("[") || token.isSymbol("{")) {
            return 1;
        }
        if (token.isSymbol(")") || token.isSymbol("]") || token.isSymbol("}")) {
            return -1;
        }
        return 0;
    }

    /**
     * The source of tokens {@code [from, to)} with whitespace and comments between tokens collapsed to one space.
     */
    private String text(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            Token token = this.tokens.get(i);
            if (i > from && token.offset() > this.tokens.get(i - 1).endOffset()) {
                text.append(' ');
            }
            text.append(token.text());
        }
        return text.toString();
    }

    private String expressionText(int[] range, String what) {
        if (range[0] == range[1]) {
            throw error("expected a " + what);
        }
        return text(range[0], range[1]);
    }

    private boolean atStatementEnd() {
        return peek().kind() == Token.Kind.END || peek().isSymbol(";");
    }

    private String identifier(String what) {
        Token token = peek();
        if (!token.isIdentifier()) {
            throw error("expected a " + what);
        }
        next();
        return token.value();
    }

    private String string(String what) {
        Token token = peek();
        if (token.kind() != Token.Kind.STRING) {
            throw error("expected a quoted string as " + what);
        }
        next();
        return token.value();
    }

    private int integer(String what) {
        long value = longValue(what);
        if (value > Integer.MAX_VALUE) {
            Token token = this.tokens.get(this.position - 1);
            throw new DdlSyntaxException(what + " is too large", token.line(), token.column(), token.text());
        }
        return (int) value;
    }

    private long longValue(String what) {
        Token token = peek();
        if (token.kind() != Token.Kind.NUMBER || !token.text().chars().allMatch(Character::isDigit)) {
            throw error("expected a whole number as " + what);
        }
        try {
            long value = Long.parseLong(token.text());
            next();
            return value;
        }
        catch (NumberFormatException ex) {
            throw error(what + " is too large");
        }
    }

    private Token peek() {
        return this.tokens.get(this.position);
    }

    private Token next() {
        Token token = this.tokens.get(this.position);
        if (token.kind() != Token.Kind.END) {
            this.position++;
        }
        return token;
    }

    private boolean acceptWord(String keyword) {
        if (peek().isWord(keyword)) {
            next();
            return true;
        }
        return false;
    }

    private void expectWord(String keyword) {
        if (!acceptWord(keyword)) {
            throw error("expected " + keyword);
        }
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            next();
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error("expected '" + symbol + "'");
        }
    }

    private DdlSyntaxException error(String problem) {
        Token token = peek();
        return new DdlSyntaxException(problem, token.line(), token.column(),
                (token.kind() == Token.Kind.END) ? null : token.text());
    }

}
