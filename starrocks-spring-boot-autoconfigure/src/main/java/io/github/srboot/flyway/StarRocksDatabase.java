package io.github.srboot.flyway;

import java.sql.SQLException;

import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.Ddl;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.exception.FlywaySqlException;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.core.internal.util.AbbreviationUtils;

/**
 * A StarRocks database as Flyway sees it: no transactions (StarRocks' explicit transactions only take INSERT), one
 * connection for the history table and the migrations, identifiers quoted by the ddl printer, and a schema history
 * table StarRocks accepts ({@link HistoryTable}).
 */
public class StarRocksDatabase extends Database<StarRocksConnection> {

    /** The oldest StarRocks this type is meant for: PRIMARY KEY tables with UPDATE and DELETE, 3.x catalogs. */
    static final String OLDEST_SUPPORTED = "3.0";

    public StarRocksDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
            StatementInterceptor statementInterceptor) {
        super(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    @Override
    protected StarRocksConnection doGetConnection(java.sql.Connection connection) {
        return new StarRocksConnection(this, connection);
    }

    @Override
    public void ensureSupported(Configuration configuration) {
        ensureDatabaseIsRecentEnough(OLDEST_SUPPORTED);
    }

    @Override
    protected MigrationVersion determineVersion() {
        try {
            return MigrationVersion.fromVersion(StarRocksServer.version(this.rawMainJdbcConnection));
        }
        catch (SQLException ex) {
            throw new FlywaySqlException("Unable to read the StarRocks version (@@version_comment)", ex);
        }
    }

    @Override
    protected String doGetCurrentUser() throws SQLException {
        return StarRocksServer.userName(getMainConnection().getJdbcTemplate().queryForString("SELECT USER()"));
    }

    /**
     * The history table's {@code CREATE TABLE}, rendered by the ddl printer, and with {@code baseline} the baseline
     * row, its values quoted by the printer's quoting.
     */
    @Override
    @SuppressWarnings("rawtypes") // Flyway's signature
    public String getRawCreateScript(Table table, boolean baseline) {
        io.github.srboot.ddl.Table history = HistoryTable.definition(table.getName(), historyReplicationNum());
        String script = Ddl.render(new CreateObject(table.getSchema().getName(), history, false, false)) + ";\n";
        if (baseline) {
            script += baselineInsert(table) + ";\n";
        }
        return script;
    }

    private Integer historyReplicationNum() {
        return settings().getHistoryReplicationNum();
    }

    /**
     * The name of Flyway's schema history table.
     */
    String historyTableName() {
        return this.configuration.getTable();
    }

    /**
     * The StarRocks settings of this Flyway configuration, or the defaults where the extension is not registered.
     */
    StarRocksFlywayExtension settings() {
        StarRocksFlywayExtension extension = this.configuration.getPluginRegister()
            .getPlugin(StarRocksFlywayExtension.class);
        return (extension != null) ? extension : new StarRocksFlywayExtension();
    }

    @SuppressWarnings("rawtypes") // Flyway's Table, as Flyway passes it
    private String baselineInsert(Table table) {
        String description = AbbreviationUtils.abbreviateDescription(this.configuration.getBaselineDescription());
        String script = AbbreviationUtils.abbreviateScript(this.configuration.getBaselineDescription());
        return getInsertStatement(table).replace("VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "VALUES (1, " + Ddl.quoteString(this.configuration.getBaselineVersion().getVersion()) + ", "
                        + Ddl.quoteString(description) + ", " + Ddl.quoteString(CoreMigrationType.BASELINE.name())
                        + ", " + Ddl.quoteString(script) + ", NULL, " + Ddl.quoteString(getInstalledBy()) + ", 0, "
                        + getBooleanTrue() + ")");
    }

    @Override
    public String doQuote(String identifier) {
        return Ddl.quoteIdentifier(identifier);
    }

    @Override
    protected String getOpenQuote() {
        return "`";
    }

    @Override
    protected String getCloseQuote() {
        return "`";
    }

    @Override
    protected String getEscapedQuote() {
        return "``";
    }

    @Override
    public boolean supportsDdlTransactions() {
        return false;
    }

    @Override
    public boolean supportsMultiStatementTransactions() {
        return false;
    }

    @Override
    public String getBooleanTrue() {
        return "1";
    }

    @Override
    public String getBooleanFalse() {
        return "0";
    }

    @Override
    public boolean catalogIsSchema() {
        return true;
    }

    @Override
    public boolean useSingleConnection() {
        return true;
    }

}
