/**
 * An in-process stub of the StarRocks Stream Load HTTP path (FE redirect, BE loads, transactions, labels, fault
 * injection) with its JUnit 5 extension and Spring test hook. Plain sockets and Jackson; no StarRocks needed.
 */
package io.github.srboot.test.streamload;
