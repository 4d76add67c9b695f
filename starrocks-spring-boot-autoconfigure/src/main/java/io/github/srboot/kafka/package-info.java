/**
 * The spring-kafka adapter: change events (Debezium JSON envelopes, or any envelope through a
 * {@link io.github.srboot.kafka.ChangeEventMapper}) read from Kafka and applied to StarRocks tables, with Kafka
 * offsets committed only after the loads that carry them are visible and the loads labelled from topic, partition and
 * offset range, so that a replay is recognised by StarRocks. Depends on {@code streamload}'s public API, spring-kafka
 * and Micrometer's observation API (which spring-kafka brings).
 */
package io.github.srboot.kafka;
