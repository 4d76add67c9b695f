/**
 * The embedded StarRocks' SQL front end: the FE's MySQL-protocol query port (handshake, authentication, text
 * queries), its system variables, DDL through the project's DDL model, SHOW, {@code information_schema} and simple
 * SELECT / DML over the Stream Load stub's tables, with fault injection. Depends on the {@code ddl} package and the
 * Stream Load stub; plain sockets, and commons-text only for the FE's "most similar variables" (Jaro-Winkler).
 */
package io.github.srboot.test.sql;
