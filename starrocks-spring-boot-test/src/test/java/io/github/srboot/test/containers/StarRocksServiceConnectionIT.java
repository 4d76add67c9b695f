package io.github.srboot.test.containers;

import java.util.List;

import io.github.srboot.autoconfigure.StarRocksConnectionDetails;
import io.github.srboot.jdbc.StarRocksSyntaxException;
import io.github.srboot.jdbc.StarRocksTemplate;
import io.github.srboot.test.support.StarRocksTestCluster;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @ServiceConnection} on a {@link StarRocksContainer}: Spring Boot's factory supplies the DataSource, ours
 * the FE HTTP connection details, and the StarRocks beans work against the container.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = StarRocksServiceConnectionIT.Application.class)
class StarRocksServiceConnectionIT {

    @ServiceConnection
    static StarRocksContainer starRocks = StarRocksTestCluster.container();

    @Autowired
    private StarRocksConnectionDetails connectionDetails;

    @Autowired
    private StarRocksTemplate template;

    @Autowired
    private JdbcTemplate jdbcTemplate;

    @Test
    void connectionDetailsPointAtTheContainer() {
        assertThat(this.connectionDetails.getFrontends()).isEqualTo(List.of(starRocks.getFrontendHttpUrl()));
        assertThat(this.connectionDetails.getUsername()).isEqualTo("root");
        assertThat(this.connectionDetails.getPassword()).isEmpty();
        assertThat(this.connectionDetails.getDatabase()).isEqualTo(starRocks.getDatabaseName());
    }

    @Test
    void dataSourceAndTemplateReachTheContainer() {
        assertThat(this.jdbcTemplate.queryForObject("SELECT DATABASE()", String.class))
            .isEqualTo(starRocks.getDatabaseName());
        assertThat(this.template.databaseExists(starRocks.getDatabaseName())).isTrue();
    }

    @Test
    void applicationJdbcTemplateThrowsStarRocksExceptions() {
        assertThatExceptionOfType(StarRocksSyntaxException.class)
            .isThrownBy(() -> this.jdbcTemplate.execute("CREATE TABL oops"));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

    }

}
