/**
 * {@code StarRocksTemplate}: executes DDL from the {@code ddl} model, reflects a database back into it and waits
 * for asynchronous ALTER jobs; {@code StarRocksSqlExceptionTranslator}, which keeps Spring's exception hierarchy and
 * adds the StarRocks detail ({@code StarRocksError}); {@code StarRocksDetection}, the one rule telling StarRocks from
 * MySQL. Depends on {@code ddl} and Spring JDBC.
 */
package io.github.srboot.jdbc;
