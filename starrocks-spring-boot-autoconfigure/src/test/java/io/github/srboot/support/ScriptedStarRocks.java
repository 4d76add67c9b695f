package io.github.srboot.support;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.srboot.ddl.DdlLexer;
import io.github.srboot.ddl.Token;
import io.github.srboot.support.ScriptedJdbc.Executed;
import io.github.srboot.support.ScriptedJdbc.Failure;
import io.github.srboot.support.ScriptedJdbc.Rows;
import io.github.srboot.support.ScriptedJdbc.UpdateCount;

/**
 * One StarRocks database as Flyway meets it, on a {@link ScriptedJdbc}: the variables StarRocks 3.5 answers
 * ({@link ServerVariables}), the objects that {@code CREATE} and {@code DROP} statements make and remove (listed in
 * {@code information_schema.tables} and {@code materialized_views}), and the rows of the schema history table, kept
 * from Flyway's {@code INSERT}, {@code UPDATE} and {@code DELETE} with their bind parameters.
 *
 * <p>What Flyway must not send to StarRocks is answered here only so that a test can see it was sent (the tests
 * assert it never is): {@code SET} and transaction statements parse on StarRocks (its grammar, {@link StarRocksGrammar},
 * accepts them: {@code StarRocksFlywayTests.setAndTransactionStatementsParseOnlyForUpdateDoesNot}), so they succeed
 * here;
 * {@code GET_LOCK}, {@code FOR UPDATE} and MySQL-only variables fail with a message of this test server, not an
 * imitation of StarRocks' refusal. There is no {@code current_version()}: it runs on a backend, and nothing may
 * depend on it.
 */
public final class ScriptedStarRocks {

    /** Comments Flyway leaves in front of a statement. */
    public static final String LEADING_COMMENTS = "^(?:\\s*(?:--[^\\n]*\\n|#[^\\n]*\\n|/\\*.*?\\*/))*\\s*";

    private static final Pattern OBJECT = Pattern.compile(LEADING_COMMENTS
            + "(CREATE|DROP)\\s+(TABLE|VIEW|MATERIALIZED VIEW)\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?"
                    + "(?:`?(\\w+)`?\\.)?`?(\\w+)`?", Pattern.CASE_INSENSITIVE);

    private static final List<String> HISTORY_COLUMNS = List.of("installed_rank", "version", "description", "type",
            "script", "checksum", "installed_on", "installed_by", "execution_time", "success");

    private final ScriptedJdbc server;

    private final String database;

    private final Map<String, String> objects = new TreeMap<>();

    /** Synchronous materialized views by name, with their base table: indexes of it, not objects of their own. */
    private final Map<String, String> synchronousViews = new TreeMap<>();

    private static final Pattern FROM_TABLE = Pattern.compile("(?is)\\bFROM\\s+(?:`?\\w+`?\\.)?`?(\\w+)`?");

    private final Map<Integer, Map<String, Object>> history = new TreeMap<>();

    /** Labels used by this database's transactions: a label is accepted once. */
    private final Set<String> labels = new TreeSet<>();

    /** The rows of the Flyway lock table, by generation. */
    private final Map<Long, List<Object>> lockRows = new TreeMap<>();

    /** Table ids, by table name, as information_schema.tables_config.TABLE_ID gives them: new at each CREATE. */
    private final Map<String, Long> tableIds = new TreeMap<>();

    private long nextTableId = 10001;

    private static final Pattern LABELED_INSERT = Pattern.compile("(?is)^INSERT INTO \\S+ WITH LABEL `?([\\w-]+)`?");

    private final Set<String> databases = new TreeSet<>();

    /**
     * Installs the database on a scripted server; the connection's current database is {@code database}.
     */
    public ScriptedStarRocks(ScriptedJdbc server, String database) {
        this.server = server;
        this.database = database;
        this.databases.add(database);
        install();
    }

    /** The server. */
    public ScriptedJdbc server() {
        return this.server;
    }

    /** The objects that exist, by name, with their kind ({@code TABLE}, {@code VIEW}, {@code MATERIALIZED VIEW}). */
    public synchronized Map<String, String> objects() {
        return Map.copyOf(this.objects);
    }

    /** The synchronous materialized views that exist, by name, with their base table. */
    public synchronized Map<String, String> synchronousMaterializedViews() {
        return Map.copyOf(this.synchronousViews);
    }

    /** The history table's rows in rank order, column name to value. */
    public synchronized List<Map<String, Object>> historyRows() {
        return List.copyOf(this.history.values());
    }

    /** Marks a history row as failed, as a migration that broke half-way leaves it. */
    public synchronized void markFailed(int installedRank) {
        this.history.get(installedRank).put("success", false);
    }

    private void install() {
        this.server.on("(?i)GET_LOCK|RELEASE_LOCK|FOR UPDATE|foreign_key_checks|sql_safe_updates", new Failure(0,
                "HY000", "ScriptedStarRocks: a statement Flyway must never send to StarRocks"));
        this.server.on("(?i)^\\s*(SET\\s|BEGIN|START TRANSACTION|COMMIT|ROLLBACK)", new UpdateCount(0));
        ServerVariables.starRocks(this.server);
        this.server.on("SELECT DATABASE\\(\\)", new Rows(List.of("DATABASE()"), List.of(List.of(this.database))));
        this.server.on("SELECT USER\\(\\)", new Rows(List.of("USER()"), List.of(List.of("'root'@'%'"))));
        this.server.on("information_schema.schemata", (statement) -> count(
                this.databases.contains((String) statement.parameters().get(0)) ? 1 : 0));
        this.server.on("SELECT COUNT\\(\\*\\) FROM information_schema.tables WHERE TABLE_SCHEMA = \\? AND", this::tableCount);
        this.server.on("SELECT COUNT\\(\\*\\) FROM information_schema.tables", (statement) -> count(objectsCount()));
        this.server.on("^SELECT TABLE_NAME FROM information_schema.tables WHERE TABLE_SCHEMA = \\?",
                (statement) -> tableNames());
        this.server.on("^SELECT \\* FROM information_schema.tables", (statement) -> catalogTables());
        this.server.on("^SELECT \\* FROM information_schema.materialized_views", (statement) -> catalogMaterializedViews());
        this.server.on("^SELECT \\* FROM information_schema.(tables_config|views|columns)",
                (statement) -> new Rows(List.of("TABLE_NAME"), List.of()));
        this.server.on("^INSERT INTO \\S+ WITH LABEL", this::labeledInsert);
        this.server.on("^SELECT `generation`, `owner`, `state`, `expires_at` FROM", (statement) -> newestLockRow());
        this.server.on("^SELECT TABLE_ID FROM information_schema.tables_config", this::tableId);
        this.server.on("^INSERT INTO", this::insert);
        this.server.on("^SELECT `installed_rank`", (statement) -> selectHistory());
        this.server.on("^UPDATE", this::update);
        this.server.on("^DELETE FROM", this::delete);
        this.server.on(LEADING_COMMENTS + "(CREATE|DROP)\\s+DATABASE", new UpdateCount(0));
        this.server.on(LEADING_COMMENTS + "(CREATE|DROP)\\s", this::createOrDrop);
        this.server.on(LEADING_COMMENTS + "ALTER\\s", new UpdateCount(0));
    }

    /** The statement without the comments in front of it. */
    public static String withoutLeadingComments(String sql) {
        return Pattern.compile(LEADING_COMMENTS, Pattern.DOTALL).matcher(sql).replaceFirst("");
    }

    private static Rows count(int count) {
        return new Rows(List.of("COUNT(*)"), List.of(List.of(count)));
    }

    private synchronized int objectsCount() {
        return this.objects.size();
    }

    private synchronized Rows tableNames() {
        List<List<Object>> rows = new ArrayList<>();
        this.objects.keySet().forEach((name) -> rows.add(List.of(name)));
        return new Rows(List.of("TABLE_NAME"), rows);
    }

    private synchronized Rows tableCount(Executed statement) {
        return count(this.database.equals(statement.parameters().get(0))
                && this.objects.containsKey((String) statement.parameters().get(1)) ? 1 : 0);
    }

    private synchronized Rows catalogTables() {
        List<List<Object>> rows = new ArrayList<>();
        this.objects.forEach((name, kind) -> rows.add(List.of("def", this.database, name,
                kind.equals("TABLE") ? "BASE TABLE" : "VIEW", kind.equals("TABLE") ? "StarRocks" : "")));
        return new Rows(List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "ENGINE"), rows);
    }

    /**
     * Asynchronous MVs with their refresh type, and synchronous ones as the FE lists them: the index name as
     * TABLE_NAME, {@code REFRESH_TYPE} {@code ROLLUP}
     * ({@code fe/fe-core/src/main/java/com/starrocks/catalog/system/information/MaterializedViewsSystemTable.java}).
     */
    private synchronized Rows catalogMaterializedViews() {
        List<List<Object>> rows = new ArrayList<>();
        this.objects.forEach((name, kind) -> {
            if (kind.equals("MATERIALIZED VIEW")) {
                rows.add(List.of(this.database, name, "ASYNC"));
            }
        });
        this.synchronousViews.keySet().forEach((name) -> rows.add(List.of(this.database, name, "ROLLUP")));
        return new Rows(List.of("TABLE_SCHEMA", "TABLE_NAME", "REFRESH_TYPE"), rows);
    }

    private synchronized ScriptedJdbc.Answer createOrDrop(Executed statement) {
        Matcher matcher = OBJECT.matcher(statement.sql());
        if (!matcher.find()) {
            return new UpdateCount(0);
        }
        String kind = matcher.group(2).toUpperCase().replaceAll("\\s+", " ");
        String name = matcher.group(4);
        boolean ifClause = withoutLeadingComments(statement.sql()).toUpperCase()
            .matches("(?s)^\\w+\\s+(TABLE|VIEW|MATERIALIZED VIEW)\\s+IF.*");
        if (matcher.group(1).equalsIgnoreCase("CREATE") && kind.equals("MATERIALIZED VIEW")
                && !statement.sql().toUpperCase().contains("REFRESH")) {
            // No REFRESH clause: a synchronous MV, an index of the table it reads.
            Matcher from = FROM_TABLE.matcher(statement.sql());
            this.synchronousViews.put(name, from.find() ? from.group(1) : "");
            return new UpdateCount(0);
        }
        if (matcher.group(1).equalsIgnoreCase("CREATE")) {
            if (this.objects.containsKey(name) && !ifClause) {
                return new Failure(1050, "42S01", "Getting analyzing error. Detail message: Table '" + name
                        + "' already exists.");
            }
            if (this.objects.containsKey(name)) {
                // CREATE ... IF NOT EXISTS of an existing object: nothing changes.
                return new UpdateCount(0);
            }
            this.tableIds.put(name, this.nextTableId++);
            this.objects.put(name, kind);
            if (name.equals("flyway_schema_history")) {
                this.history.clear();
            }
            if (name.endsWith("_lock")) {
                this.lockRows.clear();
            }
        }
        else {
            // Dropping a table drops its synchronous MVs with it.
            this.synchronousViews.values().removeIf(name::equals);
            if (this.objects.remove(name) == null && this.synchronousViews.remove(name) == null && !ifClause) {
                return new Failure(5502, "42000", "Getting analyzing error. Detail message: Unknown table '" + name
                        + "'.");
            }
        }
        return new UpdateCount(0);
    }

    /**
     * An {@code INSERT ... WITH LABEL} into the lock table: refused when the label was used before, as the FE
     * refuses it ({@code fe/fe-core/src/main/java/com/starrocks/transaction/DatabaseTransactionMgr.java}
     * beginTransaction: a label of a transaction not aborted; the message of
     * {@code fe/fe-core/src/main/java/com/starrocks/common/LabelAlreadyUsedException.java}; the lock reads only the
     * message, not the code).
     */
    private synchronized ScriptedJdbc.Answer labeledInsert(Executed statement) {
        Matcher matcher = LABELED_INSERT.matcher(statement.sql());
        if (!matcher.find()) {
            return null;
        }
        String label = matcher.group(1);
        if (!this.labels.add(label)) {
            return new Failure(1064, "HY000", "Label [" + label + "] has already been used.");
        }
        List<Object> values = statement.parameters();
        this.lockRows.put(Long.valueOf(values.get(0).toString()), List.copyOf(values));
        return new UpdateCount(1);
    }

    private synchronized Rows newestLockRow() {
        List<List<Object>> rows = new ArrayList<>();
        if (!this.lockRows.isEmpty()) {
            rows.add(this.lockRows.get(((TreeMap<Long, List<Object>>) this.lockRows).lastKey()));
        }
        return new Rows(List.of("generation", "owner", "state", "expires_at"), rows);
    }

    private synchronized Rows tableId(Executed statement) {
        Long id = this.tableIds.get((String) statement.parameters().get(1));
        return new Rows(List.of("TABLE_ID"), (id != null) ? List.of(List.of(id)) : List.of());
    }

    /** The lock table's rows, by generation: generation, owner, state, expires_at. */
    public synchronized Map<Long, List<Object>> lockRows() {
        return Map.copyOf(this.lockRows);
    }

    /** The id information_schema.tables_config gives a table, or {@code null} when it was never created. */
    public synchronized Long tableIdOf(String name) {
        return this.tableIds.get(name);
    }

    /** Writes a lock row directly, as a migrator that has since crashed left it (its label used). */
    public synchronized void claimedBy(String owner, long generation, String label, long expiresAt) {
        this.labels.add(label);
        this.lockRows.put(generation, List.of(generation, owner, "HELD", expiresAt));
    }

    /** Flyway's INSERT: bind parameters, or the literal values of the baseline row. */
    private synchronized ScriptedJdbc.Answer insert(Executed statement) {
        List<Object> values = new ArrayList<>(statement.parameters());
        if (values.isEmpty()) {
            String sql = statement.sql();
            List<Token> tokens = DdlLexer.tokenize(sql.substring(sql.indexOf("VALUES") + "VALUES".length()));
            for (Token token : tokens) {
                if (token.kind() == Token.Kind.STRING || token.kind() == Token.Kind.NUMBER) {
                    values.add(token.value());
                }
                else if (token.isWord("NULL")) {
                    values.add(null);
                }
            }
        }
        int rank = Integer.parseInt(values.get(0).toString());
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.put("installed_rank", rank);
        row.put("version", values.get(1));
        row.put("description", values.get(2));
        row.put("type", values.get(3));
        row.put("script", values.get(4));
        row.put("checksum", (values.get(5) != null) ? Integer.valueOf(values.get(5).toString()) : null);
        row.put("installed_by", values.get(6));
        row.put("execution_time", Integer.valueOf(values.get(7).toString()));
        Object success = values.get(8);
        row.put("success", success instanceof Boolean flag ? flag : "1".equals(success.toString()));
        row.put("installed_on", new Timestamp(0));
        if (this.history.putIfAbsent(rank, row) != null) {
            return new Failure(1062, "23000", "Duplicate key " + rank);
        }
        return new UpdateCount(1);
    }

    private synchronized Rows selectHistory() {
        List<List<Object>> rows = new ArrayList<>();
        this.history.values().stream()
            .sorted(Comparator.comparing((row) -> (Integer) row.get("installed_rank")))
            .forEach((row) -> {
                List<Object> values = new ArrayList<>();
                HISTORY_COLUMNS.forEach((column) -> values.add(row.get(column)));
                rows.add(values);
            });
        return new Rows(HISTORY_COLUMNS, rows);
    }

    /** {@code UPDATE ... SET description = ?, type = ?, checksum = ? WHERE installed_rank = ?} (repair). */
    private synchronized ScriptedJdbc.Answer update(Executed statement) {
        List<Object> parameters = statement.parameters();
        Map<String, Object> row = this.history.get(Integer.valueOf(parameters.get(3).toString()));
        if (row == null) {
            return new UpdateCount(0);
        }
        row.put("description", parameters.get(0));
        row.put("type", parameters.get(1));
        row.put("checksum", (parameters.get(2) != null) ? Integer.valueOf(parameters.get(2).toString()) : null);
        return new UpdateCount(1);
    }

    /** {@code DELETE ... WHERE success = 0 AND version = ?} (repair of failed migrations). */
    private synchronized ScriptedJdbc.Answer delete(Executed statement) {
        boolean byVersion = statement.sql().contains("`version` = ?");
        Object value = statement.parameters().get(0);
        int before = this.history.size();
        this.history.values().removeIf((row) -> !Boolean.TRUE.equals(row.get("success"))
                && value.equals(row.get(byVersion ? "version" : "description")));
        return new UpdateCount(before - this.history.size());
    }

}
