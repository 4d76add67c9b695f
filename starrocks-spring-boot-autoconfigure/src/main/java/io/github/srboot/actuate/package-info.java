/**
 * Operations support: the {@code starrocks} health contributor over a cached cluster probe, the {@code starrocks} and
 * {@code starrocksschema} endpoints, observations (Stream Load, DDL, ALTER-job waits) and Micrometer meters. Depends
 * on {@code jdbc}, {@code streamload} and {@code schema}; Actuator and Micrometer are optional.
 */
package io.github.srboot.actuate;
