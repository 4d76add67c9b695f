/**
 * A runnable example of the starter's Kafka adapter: Debezium-shaped change events sent to an embedded Kafka broker
 * and applied by the auto-configured listener container to the embedded StarRocks, then checked against the source.
 */
package io.github.srboot.kafkasample;
