/**
 * The StarRocks schema model (immutable records), its one printer and its one parser.
 * Pure Java: depends on nothing but the JDK.
 */
package io.github.srboot.ddl;
