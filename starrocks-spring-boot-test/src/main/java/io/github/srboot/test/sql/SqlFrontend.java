package io.github.srboot.test.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.DdlSyntaxException;
import io.github.srboot.ddl.DdlValidationException;
import io.github.srboot.ddl.MaterializedView;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.ddl.Token;
import io.github.srboot.ddl.View;

/**
 * The embedded FE's statement executor ({@code qe/StmtExecutor}, {@code qe/ShowExecutor}, {@code DDLStmtExecutor}
 * in StarRocks): session statements, databases, DDL through the project's DDL model, SHOW, SELECT and DML over the
 * shared catalogue. A statement it does not implement is refused with an error naming it.
 */
final class SqlFrontend {

    private final EmbeddedStarRocksServer server;

    private final Catalog catalog;

    private final TableQueries queries;

    private final TableAlterations alterations;

    SqlFrontend(EmbeddedStarRocksServer server, Catalog catalog) {
        this.server = server;
        this.catalog = catalog;
        this.queries = new TableQueries(catalog, new InformationSchema(catalog));
        this.alterations = new TableAlterations(server, catalog);
    }

    /**
     * Runs one statement (what a COM_QUERY carries) for a session.
     * @throws SqlError what the FE would answer with an ERR packet
     */
    StatementResult execute(Session session, String statement) {
        this.server.log("query [" + session.connectionId() + "]: " + statement);
        this.server.faults().beforeStatement(statement);
        Tokens tokens;
        try {
            tokens = new Tokens(statement);
        }
        catch (DdlSyntaxException ex) {
            throw SqlError.notImplemented(statement);
        }
        if (tokens.atEnd()) {
            throw SqlError.notImplemented(statement);
        }
        Token first = tokens.peek();
        if (first.isWord("SELECT")) {
            return this.queries.select(session, tokens);
        }
        if (first.isWord("SET")) {
            return set(session, tokens);
        }
        if (first.isWord("USE")) {
            tokens.next();
            String database = tokens.identifier();
            tokens.requireEnd();
            useDatabase(session, database);
            return StatementResult.ok(0);
        }
        if (first.isWord("SHOW")) {
            return show(session, tokens);
        }
        if (first.isWord("CREATE") && tokens.peek(1).isWord("INDEX")) {
            return this.alterations.createIndex(session, tokens);
        }
        if (first.isWord("CREATE")) {
            return create(session, tokens);
        }
        if (first.isWord("DROP") && tokens.peek(1).isWord("INDEX")) {
            return this.alterations.dropIndex(session, tokens);
        }
        if (first.isWord("DROP")) {
            return drop(session, tokens);
        }
        if (first.isWord("ALTER") && tokens.peek(1).isWord("TABLE")) {
            return this.alterations.alterTable(session, tokens);
        }
        if (first.isWord("ADMIN") && tokens.peek(1).isWord("SET") && tokens.peek(2).isWord("FRONTEND")) {
            return setFrontendConfig(tokens);
        }
        if (first.isWord("TRUNCATE")) {
            return truncate(session, tokens);
        }
        if (first.isWord("DESC") || first.isWord("DESCRIBE")) {
            return Describe.describe(session, this.catalog, tokens);
        }
        if (first.isWord("INSERT") || first.isWord("UPDATE") || first.isWord("DELETE")) {
            return this.queries.modify(session, tokens);
        }
        throw SqlError.notImplemented(statement);
    }

    /**
     * USE / COM_INIT_DB / the database of the handshake ({@code GlobalStateMgr.changeCatalogDb}).
     * @throws SqlError ERR_BAD_DB_ERROR when the database does not exist
     */
    void useDatabase(Session session, String database) {
        if (!this.catalog.hasDatabase(database)) {
            throw SqlError.unknownDatabase(database);
        }
        session.setDatabase(database);
    }

    // ---- SET ----

    /**
     * {@code SET [SESSION | GLOBAL | LOCAL] var = value, ...} and {@code SET NAMES ...} ({@code SetStmt} through
     * {@code VariableMgr.setVar}: unknown names fail with 1193, read-only ones with 1621).
     */
    private StatementResult set(Session session, Tokens tokens) {
        tokens.expect("SET");
        if (tokens.accept("NAMES")) {
            // SetNamesVar: the FE answers OK whatever the character set; results stay utf8
            return StatementResult.ok(0);
        }
        do {
            tokens.accept("SESSION");
            tokens.accept("LOCAL");
            tokens.accept("GLOBAL");
            if (tokens.peek().isSymbol("@")) {
                tokens.next();
                tokens.expectSymbol("@");
                if (tokens.peek(1).isSymbol(".") && (tokens.isWord("session") || tokens.isWord("global")
                        || tokens.isWord("local"))) {
                    tokens.next();
                    tokens.next();
                }
            }
            String name = tokens.identifier();
            if (!tokens.acceptSymbol("=")) {
                tokens.expectSymbol(":");
                tokens.expectSymbol("=");
            }
            Token valueToken = tokens.next();
            String value = switch (valueToken.kind()) {
                case STRING, NUMBER, WORD -> valueToken.value();
                default -> throw tokens.unsupported();
            };
            Variables.Definition definition = session.variables().find(name);
            if (definition == null) {
                throw SqlError.unknownVariableSet(name, session.variables().names());
            }
            if (definition.scope() == Variables.Scope.READ_ONLY) {
                throw SqlError.readOnlyVariable(definition.name());
            }
            if (!valueToken.isWord("DEFAULT")) {
                session.set(definition, value);
            }
        }
        while (tokens.acceptSymbol(","));
        tokens.requireEnd();
        return StatementResult.ok(0);
    }

    // ---- SHOW ----

    private StatementResult show(Session session, Tokens tokens) {
        tokens.expect("SHOW");
        if (tokens.accept("DATABASES") || tokens.accept("SCHEMAS")) {
            tokens.requireEnd();
            List<List<String>> rows = new ArrayList<>();
            for (String database : databasesShown()) {
                rows.add(List.of(database));
            }
            return StatementResult.rows(List.of("Database"), rows);
        }
        boolean full = tokens.accept("FULL");
        if (tokens.accept("TABLES")) {
            String database = session.database();
            if (tokens.accept("FROM") || tokens.accept("IN")) {
                database = tokens.identifier();
            }
            tokens.requireEnd();
            return showTables(database, full);
        }
        if (full) {
            throw tokens.unsupported();
        }
        tokens.accept("SESSION");
        if (tokens.accept("VARIABLES")) {
            Pattern like = null;
            if (tokens.accept("LIKE")) {
                like = TableQueries.likePattern(tokens.next().value());
            }
            tokens.requireEnd();
            List<List<String>> rows = new ArrayList<>();
            for (Variables.Definition definition : session.variables().all()) {
                if (like == null || like.matcher(definition.name()).matches()) {
                    rows.add(List.of(definition.name(), Variables.showText(definition, session.value(definition))));
                }
            }
            return StatementResult.rows(List.of("Variable_name", "Value"), rows);
        }
        if (tokens.accept("CREATE")) {
            return ShowCreate.show(session, this.catalog, tokens);
        }
        if (tokens.isWord("INDEX") || tokens.isWord("INDEXES") || tokens.isWord("KEYS")) {
            return Describe.showIndexes(session, this.catalog, tokens);
        }
        if (tokens.accept("ALTER", "TABLE")) {
            return this.server.alterJobs().show(session, tokens);
        }
        throw tokens.unsupported();
    }

    /**
     * {@code SHOW DATABASES}: the system databases every StarRocks lists ({@code information_schema}, {@code sys})
     * and the user's, sorted as {@code ShowExecutor} sorts them.
     */
    private List<String> databasesShown() {
        List<String> databases = new ArrayList<>(List.of(InformationSchema.DATABASE, "sys"));
        databases.addAll(this.catalog.databases());
        databases.sort(null);
        return databases;
    }

    private StatementResult showTables(String database, boolean full) {
        if (database.isEmpty()) {
            throw SqlError.noDatabaseSelected();
        }
        if (!this.catalog.hasDatabase(database)) {
            throw SqlError.unknownDatabase(database);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String name : this.catalog.objectNames(database)) {
            if (full) {
                boolean view = this.catalog.model(database, name).filter((m) -> !(m instanceof Table)).isPresent();
                rows.add(List.of(name, view ? "VIEW" : "BASE TABLE"));
            }
            else {
                rows.add(List.of(name));
            }
        }
        String column = "Tables_in_" + database;
        return StatementResult.rows(full ? List.of(column, "Table_type") : List.of(column), rows);
    }

    // ---- DDL ----

    private StatementResult create(Session session, Tokens tokens) {
        if ((tokens.peek(1).isWord("DATABASE") || tokens.peek(1).isWord("SCHEMA"))) {
            tokens.next();
            tokens.next();
            boolean ifNotExists = tokens.accept("IF", "NOT", "EXISTS");
            String database = tokens.identifier();
            if (!tokens.atEnd() && !tokens.isWord("PROPERTIES")) {
                throw tokens.unsupported();
            }
            if (!this.catalog.createDatabase(database) && !ifNotExists) {
                throw SqlError.databaseExists(database);
            }
            return StatementResult.ok(0);
        }
        if (!createsModelObject(tokens)) {
            // CREATE TABLE ... LIKE / AS SELECT, CREATE USER, ANALYZE, DICTIONARY ...: not the DDL model's statements
            throw tokens.unsupported();
        }
        List<CreateObject> statements;
        try {
            statements = Ddl.parseStatements(tokens.statement());
        }
        catch (DdlSyntaxException | DdlValidationException ex) {
            // the model's parser refuses it; its message is the project's, not StarRocks' analyzer's
            throw SqlError.analysis(ex.getMessage());
        }
        if (statements.size() != 1) {
            throw SqlError.notImplemented(tokens.statement());
        }
        CreateObject statement = statements.get(0);
        String database = (statement.database() != null) ? statement.database() : session.database();
        if (database.isEmpty()) {
            throw SqlError.noDatabaseSelected();
        }
        if (!this.catalog.hasDatabase(database)) {
            throw SqlError.unknownDatabaseInAnalysis(database);
        }
        SchemaObject object = statement.object();
        synchronized (this.catalog) {
            if (this.catalog.exists(database, object.name())) {
                if (statement.ifNotExists()) {
                    return StatementResult.ok(0);
                }
                if (!statement.orReplace()) {
                    throw SqlError.tableExists(object.name());
                }
                this.catalog.drop(database, object.name());
            }
            try {
                this.catalog.create(database, withServerProperties(object));
            }
            catch (IllegalArgumentException ex) {
                throw SqlError.notImplemented(tokens.statement() + " (" + ex.getMessage() + ")");
            }
        }
        return StatementResult.ok(0);
    }

    /**
     * The object with the properties the FE fixes at creation: {@code replicated_storage} from
     * {@code Config.enable_replicated_storage_as_default_engine} when not given (show-create 0027 prints "false" after
     * the item was set false), and "false" for a table with a GIN index, which cannot use replicated storage (the
     * rule of {@code alter/SchemaChangeJobV2.disableReplicatedStorageForGIN}; show-create 0031, 0035: written "true",
     * printed "false").
     */
    private SchemaObject withServerProperties(SchemaObject object) {
        String replicated = String.valueOf(this.catalog.config().isTrue(FrontendConfig.REPLICATED_STORAGE_AS_DEFAULT));
        if (object instanceof Table declared) {
            // the key the FE infers for a table declared without one is part of the table from then on: later
            // ALTERs see it as the declared key (show-create 0049: DUPLICATE KEY(`k`, `k1`) inferred)
            ShowCreate.Layout layout = ShowCreate.layout(declared);
            Table table = (declared.keys() != null) ? declared : new Table(declared.name(), declared.columns(),
                    declared.indexes(), declared.engine(),
                    new io.github.srboot.ddl.KeysDesc(layout.keysType(), layout.keyColumns()), declared.comment(),
                    declared.partition(), declared.distribution(), declared.orderBy(), declared.properties(),
                    declared.temporary(), declared.rollups());
            java.util.Map<String, String> properties = new java.util.LinkedHashMap<>(table.properties());
            if (properties.keySet().stream().noneMatch("replicated_storage"::equalsIgnoreCase)) {
                properties.put("replicated_storage", replicated);
            }
            if (table.indexes().stream().anyMatch((index) -> index.type() == io.github.srboot.ddl.IndexType.GIN)) {
                properties.keySet().removeIf("replicated_storage"::equalsIgnoreCase);
                properties.put("replicated_storage", "false");
            }
            return TableAlterations.TableModels.withProperties(table, properties);
        }
        if (object instanceof MaterializedView view
                && view.properties().keySet().stream().noneMatch("replicated_storage"::equalsIgnoreCase)) {
            java.util.Map<String, String> properties = new java.util.LinkedHashMap<>(view.properties());
            properties.put("replicated_storage", replicated);
            return new MaterializedView(view.name(), view.columns(), view.comment(), view.partition(),
                    view.distribution(), view.orderBy(), view.refresh(), properties, view.query(), view.indexes());
        }
        return object;
    }

    /**
     * Whether a CREATE statement is one the DDL model reads: a table (not LIKE, not AS SELECT), a view or a
     * materialized view.
     */
    private static boolean createsModelObject(Tokens tokens) {
        Tokens scan = new Tokens(tokens.statement());
        scan.expect("CREATE");
        scan.accept("OR", "REPLACE");
        scan.accept("TEMPORARY");
        if (scan.accept("VIEW") || scan.accept("MATERIALIZED", "VIEW")) {
            return true;
        }
        if (!scan.accept("TABLE")) {
            return false;
        }
        scan.accept("IF", "NOT", "EXISTS");
        scan.identifier();
        if (scan.acceptSymbol(".")) {
            scan.identifier();
        }
        if (scan.isWord("LIKE")) {
            return false;
        }
        int depth = 0;
        while (!scan.atEnd()) {
            Token token = scan.next();
            if (token.isSymbol("(")) {
                depth++;
            }
            else if (token.isSymbol(")")) {
                depth--;
            }
            else if (depth == 0 && token.isWord("AS") && (scan.isWord("SELECT") || scan.peek().isSymbol("(")
                    || scan.isWord("WITH"))) {
                return false;
            }
        }
        return true;
    }

    private StatementResult drop(Session session, Tokens tokens) {
        tokens.expect("DROP");
        if (tokens.accept("DATABASE") || tokens.accept("SCHEMA")) {
            boolean ifExists = tokens.accept("IF", "EXISTS");
            String database = tokens.identifier();
            tokens.accept("FORCE");
            tokens.requireEnd();
            if (!this.catalog.dropDatabase(database) && !ifExists) {
                throw SqlError.databaseMissingOnDrop(database);
            }
            return StatementResult.ok(0);
        }
        Class<? extends SchemaObject> kind;
        if (tokens.accept("TABLE")) {
            kind = Table.class;
        }
        else if (tokens.accept("VIEW")) {
            kind = View.class;
        }
        else if (tokens.accept("MATERIALIZED", "VIEW")) {
            kind = MaterializedView.class;
        }
        else {
            throw tokens.unsupported();
        }
        boolean ifExists = tokens.accept("IF", "EXISTS");
        QualifiedName name = QualifiedName.parse(tokens, session);
        tokens.accept("FORCE");
        tokens.requireEnd();
        synchronized (this.catalog) {
            boolean exists = this.catalog.exists(name.database(), name.name())
                    && this.catalog.model(name.database(), name.name()).map(kind::isInstance)
                        .orElse(kind == Table.class);
            if (!exists) {
                if (ifExists) {
                    return StatementResult.ok(0);
                }
                throw SqlError.unknownTable(name.name());
            }
            this.catalog.drop(name.database(), name.name());
        }
        return StatementResult.ok(0);
    }

    /**
     * {@code ADMIN SET FRONTEND CONFIG ("name" = "value")} ({@code AdminSetConfigStmt}): sets one item the embedded
     * StarRocks knows ({@link FrontendConfig}); any other item is refused as not implemented, naming it.
     */
    private StatementResult setFrontendConfig(Tokens tokens) {
        tokens.expect("ADMIN", "SET", "FRONTEND", "CONFIG");
        tokens.expectSymbol("(");
        Token name = tokens.next();
        tokens.expectSymbol("=");
        Token value = tokens.next();
        tokens.expectSymbol(")");
        tokens.requireEnd();
        if (name.kind() != Token.Kind.STRING || value.kind() != Token.Kind.STRING
                || !this.catalog.config().set(name.value(), value.value())) {
            throw tokens.unsupported();
        }
        return StatementResult.ok(0);
    }

    private StatementResult truncate(Session session, Tokens tokens) {
        tokens.expect("TRUNCATE");
        tokens.accept("TABLE");
        QualifiedName name = QualifiedName.parse(tokens, session);
        tokens.requireEnd();
        if (this.catalog.contents(name.database(), name.name()).isEmpty()) {
            throw SqlError.unknownTable(name.name());
        }
        this.catalog.stub().truncateTable(name.database(), name.name());
        return StatementResult.ok(0);
    }

    /** A {@code [db.]name} reference resolved against the session's database. */
    record QualifiedName(String database, String name) {

        static QualifiedName parse(Tokens tokens, Session session) {
            String first = tokens.identifier();
            if (tokens.acceptSymbol(".")) {
                return new QualifiedName(first, tokens.identifier());
            }
            if (session.database().isEmpty()) {
                throw SqlError.noDatabaseSelected();
            }
            return new QualifiedName(session.database(), first);
        }

        String display() {
            return this.database + "." + this.name;
        }

    }

}
