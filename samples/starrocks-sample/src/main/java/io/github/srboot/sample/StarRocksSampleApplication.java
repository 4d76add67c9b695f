package io.github.srboot.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A minimal application using the starter: it connects to StarRocks and prints the server version.
 */
@SpringBootApplication
public class StarRocksSampleApplication {

    private static final Logger logger = LoggerFactory.getLogger(StarRocksSampleApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(StarRocksSampleApplication.class, args);
    }

    @Bean
    ApplicationRunner printServerVersion(JdbcTemplate jdbcTemplate) {
        return (args) -> {
            String version = jdbcTemplate.queryForObject("SELECT current_version()", String.class);
            logger.info("Connected to StarRocks {}", version);
        };
    }

}
