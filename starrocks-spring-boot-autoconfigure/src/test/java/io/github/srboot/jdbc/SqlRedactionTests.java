package io.github.srboot.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlRedactionTests {

    @Test
    void masksSecretProperties() {
        String sql = "CREATE EXTERNAL CATALOG hive PROPERTIES (\"type\" = \"hive\", \"aws.s3.access_key\" = \"AK\", "
                + "\"aws.s3.secret_key\" = \"S\\\"K\", 'jdbc.password' = 'p')";
        assertThat(SqlRedaction.redact(sql)).isEqualTo("CREATE EXTERNAL CATALOG hive PROPERTIES (\"type\" = \"hive\", "
                + "\"aws.s3.access_key\" = \"******\", \"aws.s3.secret_key\" = \"******\", "
                + "'jdbc.password' = \"******\")");
    }

    @Test
    void masksPasswordClauses() {
        assertThat(SqlRedaction.redact("CREATE USER 'app' IDENTIFIED BY 'secret'"))
            .isEqualTo("CREATE USER 'app' IDENTIFIED BY '******'");
        assertThat(SqlRedaction.redact("SET PASSWORD FOR 'app' = PASSWORD('secret')"))
            .isEqualTo("SET PASSWORD FOR 'app' = PASSWORD('******')");
        assertThat(SqlRedaction.redact("ALTER USER app IDENTIFIED WITH mysql_native_password BY \"x\""))
            .isEqualTo("ALTER USER app IDENTIFIED WITH mysql_native_password BY '******'");
    }

    @Test
    void leavesOrdinaryStatementsAlone() {
        String sql = "CREATE TABLE `t` (`password` VARCHAR(10) COMMENT \"password hash\") PROPERTIES "
                + "(\"replication_num\" = \"1\")";
        assertThat(SqlRedaction.redact(sql)).isEqualTo(sql);
        assertThat(SqlRedaction.redact(null)).isNull();
    }

}
