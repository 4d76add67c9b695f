package io.github.srboot.test.sql;

/**
 * An error the embedded FE answers with an ERR packet: StarRocks' error code, SQLSTATE and message (FE
 * {@code common/ErrorCode.java}; where the FE wraps analyzer errors, the message carries its
 * {@code Getting analyzing error. Detail message: ...} prefix).
 */
public final class SqlError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Prefix of analyzer errors ({@code SemanticException} as {@code ConnectProcessor} reports it). */
    static final String ANALYZING = "Getting analyzing error. Detail message: ";

    private final int code;

    private final String sqlState;

    SqlError(int code, String sqlState, String message) {
        super(message, null, false, false);
        this.code = code;
        this.sqlState = sqlState;
    }

    /** The MySQL error code. */
    public int code() {
        return this.code;
    }

    /** The five-character SQLSTATE. */
    public String sqlState() {
        return this.sqlState;
    }

    /** ERR_ACCESS_DENIED_ERROR (1045, 28000), as {@code MysqlProto.authenticate} reports a failed login. */
    static SqlError accessDenied(String user, boolean usingPassword) {
        return new SqlError(1045, "28000", "Access denied for user '" + ((user != null) ? user : "")
                + "' (using password: " + (usingPassword ? "YES" : "NO") + ")");
    }

    /** ERR_UNKNOWN_COM_ERROR (1047, 08S01): {@code ConnectProcessor.dispatch} for a code it does not know. */
    static SqlError unknownCommand(int command) {
        return new SqlError(1047, "08S01", "Unknown command(" + command + ")");
    }

    /** A known command the embedded FE does not serve; MysqlErrPacket's default code 1064 / HY000. */
    static SqlError unsupportedCommand(int command) {
        return new SqlError(1064, "HY000", "Unsupported command(" + command + ")");
    }

    /** ERR_BAD_DB_ERROR (5501, 3F000) as {@code changeCatalogDb} reports it for USE / COM_INIT_DB. */
    static SqlError unknownDatabase(String database) {
        return new SqlError(5501, "3F000", "Unknown database '" + database + "'");
    }

    /** ERR_BAD_DB_ERROR (5501, 3F000) from the analyzer (recorded: sql/sqltests/CASE_145). */
    static SqlError unknownDatabaseInAnalysis(String database) {
        return new SqlError(5501, "3F000", ANALYZING + "Unknown database '" + database + "'.");
    }

    /** ERR_NO_DB_ERROR (1046, 3D000). */
    static SqlError noDatabaseSelected() {
        return new SqlError(1046, "3D000", "No database selected");
    }

    /** ERR_DB_CREATE_EXISTS (1007, HY000). */
    static SqlError databaseExists(String database) {
        return new SqlError(1007, "HY000", "Can't create database '" + database + "'; database exists");
    }

    /** ERR_DB_DROP_EXISTS (1008, HY000) (recorded: sql/sqltests CASE_082). */
    static SqlError databaseMissingOnDrop(String database) {
        return new SqlError(1008, "HY000", "Can't drop database '" + database + "'; database doesn't exist");
    }

    /** ERR_TABLE_EXISTS_ERROR (1050, 42S01) from the analyzer (recorded: sql/sqltests/CASE_143). */
    static SqlError tableExists(String table) {
        return new SqlError(1050, "42S01", ANALYZING + "Table '" + table + "' already exists.");
    }

    /** ERR_BAD_TABLE_ERROR (5502, 42602) from the analyzer (recorded: sql/sqltests/CASE_143, DROP TABLE). */
    static SqlError unknownTable(String table) {
        return new SqlError(5502, "42602", ANALYZING + "Unknown table '" + table + "'.");
    }

    /**
     * A label a transaction of the database already holds ({@code common/LabelAlreadyUsedException.java}, thrown by
     * {@code transaction/DatabaseTransactionMgr.beginTransaction} while {@code sql/StatementPlanner} begins the
     * INSERT's transaction); it carries no error code, so the FE answers with MysqlErrPacket's default 1064 / HY000.
     */
    static SqlError labelAlreadyUsed(String label) {
        return new SqlError(1064, "HY000", "Label [" + label + "] has already been used.");
    }

    /** ERR_UNKNOWN_SYSTEM_VARIABLE (1193, HY000) of {@code SELECT @@name} ({@code VariableMgr.fillValue}). */
    static SqlError unknownVariable(String name) {
        return new SqlError(1193, "HY000", "Unknown system variable '" + name + "'");
    }

    /**
     * ERR_UNKNOWN_SYSTEM_VARIABLE (1193, HY000) of {@code SET}: the main FE's text names the three most similar
     * variables ({@code VariableMgr.findSimilarVarNames}).
     */
    static SqlError unknownVariableSet(String name, Iterable<String> known) {
        return new SqlError(1193, "HY000", "Unknown system variable '" + name + "', the most similar variables are "
                + Variables.mostSimilar(name, known));
    }

    /** ERR_VARIABLE_IS_READONLY (1621, HY000). */
    static SqlError readOnlyVariable(String name) {
        return new SqlError(1621, "HY000", "Variable '" + name + "' is a read only variable");
    }

    /** An analyzer error with StarRocks' default code 1064 / HY000 and the analyzer prefix. */
    static SqlError analysis(String detail) {
        return new SqlError(1064, "HY000", ANALYZING + detail);
    }

    /**
     * A statement StarRocks accepts but the embedded server does not implement: code 1064, naming the statement.
     */
    static SqlError notImplemented(String statement) {
        String shown = statement.strip().replaceAll("\\s+", " ");
        if (shown.length() > 200) {
            shown = shown.substring(0, 200) + "...";
        }
        return new SqlError(1064, "HY000", "The embedded StarRocks does not implement this statement: " + shown);
    }

    /** An error injected by a test ({@link SqlFaults}). */
    static SqlError injected(int code, String message) {
        return new SqlError(code, "HY000", message);
    }

}
