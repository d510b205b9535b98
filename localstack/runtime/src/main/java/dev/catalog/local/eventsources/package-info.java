/**
 * Event source mappings for the local runtime: the template's {@code Type: MSK} events run as Kafka consumer groups
 * against the local cluster, invoking the functions with batches shaped exactly like the MSK event source mapping's
 * {@code KafkaEvent}, with Lambda's batching, per-partition ordering, commit-after-success, retries, bisection,
 * partial batch responses and Kafka on-failure destinations. {@link dev.catalog.local.eventsources.EventSourceMappings}
 * is the entry point.
 */
package dev.catalog.local.eventsources;
