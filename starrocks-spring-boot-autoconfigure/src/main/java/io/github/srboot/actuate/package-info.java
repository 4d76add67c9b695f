/**
 * Actuator health contributors, the schema-drift endpoint and Micrometer instrumentation. Depends on {@code jdbc},
 * {@code streamload} and {@code schema}.
 */
package io.github.srboot.actuate;
