package io.hashtagstreams.kafka;

/**
 * What a {@link KafkaSink} promises about records written more than once when a query restarts.
 *
 * <pre>{@code
 * KafkaSink.builder().deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE) ...
 * }</pre>
 *
 * @since 0.1.0
 */
public enum DeliveryGuarantee {

  /**
   * Spark's own Kafka sink: executors write in parallel and fast, but a micro-batch replayed after a failure or a
   * restart writes its records again. Consumers that keep the latest value per key (window counts) are unaffected.
   */
  AT_LEAST_ONCE,

  /**
   * Each micro-batch is written in one Kafka transaction together with its batch id, so a replayed batch adds
   * nothing that a {@code read_committed} consumer sees. All records pass through the Spark driver: meant for
   * aggregated output, not for raw firehoses. See {@link KafkaSink} for the costs and limits.
   */
  EXACTLY_ONCE
}
