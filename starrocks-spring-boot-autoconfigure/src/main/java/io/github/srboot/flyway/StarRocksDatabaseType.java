package io.github.srboot.flyway;

import java.sql.Connection;
import java.sql.Types;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.BaseDatabaseType;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

/**
 * Flyway's database type for StarRocks, registered through Flyway's plugin SPI
 * ({@code META-INF/services/org.flywaydb.core.extensibility.Plugin}). StarRocks speaks the MySQL protocol and
 * Connector/J calls it MySQL, so this type is consulted before Flyway's MySQL and MariaDB types (higher priority)
 * and claims a connection only when {@link io.github.srboot.jdbc.StarRocksDetection} finds StarRocks; a MySQL server stays MySQL's.
 *
 * <p>This class loads nothing beyond Flyway and JDBC, because Flyway instantiates every registered type.
 */
public class StarRocksDatabaseType extends BaseDatabaseType {

    /** Above MySQL (0) and MariaDB (1), which would otherwise claim StarRocks' MySQL-protocol connections. */
    static final int PRIORITY = 2;

    @Override
    public String getName() {
        return "StarRocks";
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public int getNullType() {
        return Types.VARCHAR;
    }

    @Override
    public boolean handlesJDBCUrl(String url) {
        return url.startsWith("jdbc:mysql:");
    }

    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        return "com.mysql.cj.jdbc.Driver";
    }

    @Override
    public boolean handlesDatabaseProductNameAndVersion(String databaseProductName, String databaseProductVersion,
            Connection connection) {
        return databaseProductName != null && databaseProductName.contains("MySQL")
                && StarRocksServer.isStarRocks(connection);
    }

    @Override
    public Database<?> createDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
            StatementInterceptor statementInterceptor) {
        return new StarRocksDatabase(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    @Override
    public Parser createParser(Configuration configuration, ResourceProvider resourceProvider,
            ParsingContext parsingContext) {
        return new StarRocksParser(configuration, parsingContext);
    }

}
