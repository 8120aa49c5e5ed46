package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.PostFormat;

class CommonConfigTest {

  private static CommonConfig parse(String... words) {
    return new CountsCommand().config(words).common();
  }

  @Test
  void defaultsToAnEmbeddedBrokerReadFromTheBeginning() {
    assertThat(parse()).isEqualTo(new CommonConfig(null, "tweets", Duration.ofSeconds(60), Duration.ofSeconds(5),
        20, true, 2000, 10, 42L, 2, 0L, true, List.of(), null, Duration.ofSeconds(30), null, null,
        List.of(PostFormat.TWITTER_V1)));
    assertThat(parse().embedded()).isTrue();
    assertThat(parse().startingOffsets()).isEqualTo("earliest");
    assertThat(parse().trigger()).isEqualTo(Trigger.ProcessingTime(5000));
  }

  @Test
  void aGivenClusterIsReadFromTheLatestOffsetsUnlessAskedOtherwise() {
    CommonConfig cluster = parse("--bootstrap-servers", "b1:9092,b2:9093", "--topic", "firehose");
    assertThat(cluster.embedded()).isFalse();
    assertThat(cluster.bootstrapServers()).isEqualTo("b1:9092,b2:9093");
    assertThat(cluster.topic()).isEqualTo("firehose");
    assertThat(cluster.startingOffsets()).isEqualTo("latest");
    assertThat(parse("--bootstrap-servers", "b1:9092", "--from-beginning").startingOffsets()).isEqualTo("earliest");
  }

  @Test
  void readsTheGeneratorFormat() {
    assertThat(parse("--format", "bluesky").formats()).containsExactly(PostFormat.BLUESKY_JETSTREAM);
    assertThat(parse("--format", "x").formats()).containsExactly(PostFormat.X_V2);
    assertThat(parse("--format", "mixed").formats()).containsExactly(PostFormat.values());
    assertThat(parse().formats()).containsExactly(PostFormat.TWITTER_V1);
    assertThatThrownBy(() -> parse("--format", "threads")).hasMessageContaining("threads")
        .hasMessageContaining("twitter, x, bluesky, mastodon, mixed");
    assertThatThrownBy(() -> parse("--format", "x", "--bootstrap-servers", "b:9092"))
        .hasMessageContaining("--format applies only to the embedded broker");
  }

  @Test
  void readsEveryOptionGiven() {
    assertThat(parse("--topic", "t", "--duration", "2m", "--trigger", "500ms", "--rows", "7", "--rate", "10",
        "--speedup", "3", "--seed", "-1", "--partitions", "4", "--no-ui"))
        .isEqualTo(new CommonConfig(null, "t", Duration.ofMinutes(2), Duration.ofMillis(500), 7, true, 10, 3, -1L, 4,
            0L, false, List.of(), null, Duration.ofSeconds(30), null, null,
        List.of(PostFormat.TWITTER_V1)));
  }

  @Test
  void capsMicroBatchesOnlyWhenAsked() {
    assertThat(parse("--max-offsets-per-trigger", "200").maxOffsetsPerTrigger()).isEqualTo(200L);
    assertThat(parse("--bootstrap-servers", "b1:9092", "--max-offsets-per-trigger", "50").maxOffsetsPerTrigger())
        .isEqualTo(50L);
    assertThat(parse("--bootstrap-servers", "b1:9092").maxOffsetsPerTrigger()).isZero();
    assertThatThrownBy(() -> parse("--max-offsets-per-trigger", "0")).isInstanceOf(UsageException.class)
        .hasMessageContaining("--max-offsets-per-trigger").hasMessageContaining("'0'");
  }

  @Test
  void readsTheInputOptions() {
    CommonConfig withSpeed = parse("--input", "a.tar", "b/", "--speed", "60", "--kafka-timeout", "5s");
    assertThat(withSpeed.inputs()).containsExactly("a.tar", "b/");
    assertThat(withSpeed.replaysInput()).isTrue();
    assertThat(withSpeed.speed()).isEqualTo(60.0);
    assertThat(withSpeed.rate()).as("no rate cap with --speed alone").isZero();
    assertThat(withSpeed.kafkaTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(parse("--input", "a.tar").rate()).isEqualTo(2000);
    assertThat(parse("--input", "a.tar", "--speed", "2", "--rate", "50").rate()).isEqualTo(50);
    assertThat(parse().replaysInput()).isFalse();
    assertThat(parse().kafkaTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void rejectsInputOptionsThatCannotApply() {
    assertThatThrownBy(() -> parse("--bootstrap-servers", "b:9092", "--input", "a.tar"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--input applies only to the embedded broker, not with --bootstrap-servers b:9092");
    assertThatThrownBy(() -> parse("--speed", "3"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--speed paces the replay of --input files; the generator's clock is --speedup");
    assertThatThrownBy(() -> parse("--input", "a.tar", "--seed", "3"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--seed applies to the generator, not with --input");
  }

  @Test
  void readsAndChecksTheLiveOptions() {
    assertThat(parse("--live", "jetstream").live().network()).isEqualTo("jetstream");
    assertThat(parse("--live", "jetstream").ingestsLive()).isTrue();
    assertThat(parse().ingestsLive()).isFalse();
    assertThatThrownBy(() -> parse("--bootstrap-servers", "b:9092", "--live", "jetstream"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--live applies only to the embedded broker, not with --bootstrap-servers b:9092");
    assertThatThrownBy(() -> parse("--live", "jetstream", "--input", "a.tar"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--input does not apply with --live jetstream (the network sets the pace)");
    assertThatThrownBy(() -> parse("--live-url", "wss://example.org/subscribe"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--live-url applies only with --live NETWORK");
    assertThatThrownBy(() -> parse("--live", "jetstream", "--live-url", "https://example.org"))
        .isInstanceOf(UsageException.class)
        .hasMessage("JetstreamSource: endpoint must be a ws:// or wss:// address, but was https://example.org");
  }

  @Test
  void availableNowTriggerHasNoInterval() {
    CommonConfig config = parse("--trigger", "available-now");
    assertThat(config.triggerInterval()).isNull();
    assertThat(config.trigger()).isEqualTo(Trigger.AvailableNow());
  }

  @Test
  void rejectsMalformedBootstrapServers() {
    for (String bad : new String[] {"localhost", "host:", ":9092", "host:99999", "a:1,b", "host:port"}) {
      assertThatThrownBy(() -> parse("--bootstrap-servers", bad)).isInstanceOf(UsageException.class)
          .hasMessage("--bootstrap-servers must be host:port[,host:port...], got '" + bad + "'");
    }
  }

  @Test
  void rejectsEmbeddedOnlyOptionsWithAGivenCluster() {
    assertThatThrownBy(() -> parse("--bootstrap-servers", "b:9092", "--rate", "100"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--rate applies only to the embedded broker, not with --bootstrap-servers b:9092");
    for (String option : new String[] {"--speedup", "--seed", "--partitions"}) {
      assertThatThrownBy(() -> parse("--bootstrap-servers", "b:9092", option, "3"))
          .isInstanceOf(UsageException.class)
          .hasMessage(option + " applies only to the embedded broker, not with --bootstrap-servers b:9092");
    }
  }

  @Test
  void rejectsNegativeRateAndBadTrigger() {
    assertThatThrownBy(() -> parse("--rate", "-5")).isInstanceOf(UsageException.class)
        .hasMessage("--rate must be at least 1, got '-5'");
    assertThatThrownBy(() -> parse("--trigger", "sometimes")).isInstanceOf(UsageException.class)
        .hasMessage("--trigger must be a duration like 500ms, 30s, 1m, 2h or 7d, got 'sometimes'");
    assertThatThrownBy(() -> parse("--trigger", "0s")).isInstanceOf(UsageException.class)
        .hasMessage("--trigger must be greater than zero, got '0s'");
  }
}
