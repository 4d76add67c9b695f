package com.example.shop;

import io.github.srboot.test.migration.MigrationCheck;
import org.junit.jupiter.api.Test;

/**
 * The sample's own migration check: its Flyway migrations ({@code db/migration}) applied to an embedded StarRocks
 * produce its desired schema ({@code db/schema}). Also the README's example of the check.
 */
class MigrationCheckTests {

    // tag::migration-check[]
    @Test
    void migrationsProduceTheDesiredSchema() {
        // db/migration applied to an embedded StarRocks, compared with db/schema; fails with the DDL that differs
        MigrationCheck.assertMigrationsMatch();
    }
    // end::migration-check[]

}
