/**
 * Deterministic, realistic tweet stream lines with their ground truth, for tests, demos and benchmarks:
 * {@link io.hashtagstreams.core.sample.TweetGenerator} produces
 * {@link io.hashtagstreams.core.sample.GeneratedRecord}s.
 *
 * @since 0.1.0
 */
package io.hashtagstreams.core.sample;
