/**
 * Actuator health contributors and Micrometer instrumentation. Depends on {@code jdbc} and
 * {@code streamload}.
 */
package io.github.srboot.actuate;
