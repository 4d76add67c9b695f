/**
 * Test support shipped to users: the Stream Load stub launcher ({@link io.github.srboot.test.StreamLoadStubMain}).
 * Depends on {@code io.github.srboot.test.streamload} and the {@code ddl} model only.
 */
package io.github.srboot.test;
