/**
 * {@code StarRocksTemplate}: executes DDL from the {@code ddl} model, reflects a database back into it and waits
 * for asynchronous ALTER jobs; {@code StarRocksException} and its subtypes, produced by
 * {@code StarRocksSqlExceptionTranslator}. Depends on {@code ddl} and Spring JDBC.
 */
package io.github.srboot.jdbc;
