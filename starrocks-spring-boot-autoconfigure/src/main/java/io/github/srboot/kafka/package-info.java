/**
 * The spring-kafka adapter: change events (Debezium JSON envelopes, or any envelope through a
 * {@link io.github.srboot.kafka.ChangeEventMapper}) read from Kafka and applied to StarRocks tables, with Kafka
 * offsets committed only after the loads that carry them are visible. Depends on {@code streamload}'s public API
 * and spring-kafka.
 */
package io.github.srboot.kafka;
