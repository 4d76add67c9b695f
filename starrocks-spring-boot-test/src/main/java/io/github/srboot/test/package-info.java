/**
 * Test support shipped to users: the standalone Stream Load stub ({@link io.github.srboot.test.StreamLoadStubMain},
 * with its request log and its page of tables) and a JUnit listener that says why each skipped test was skipped
 * ({@link io.github.srboot.test.SkippedTestsListener}). Depends on {@code io.github.srboot.test.streamload}, the
 * {@code ddl} model and, for the listener, the JUnit Platform launcher only.
 */
package io.github.srboot.test;
