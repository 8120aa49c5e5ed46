package io.hashtagstreams.kafka.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.hashtagstreams.kafka.testing.RecordedFrames;

/** {@link MastodonStatuses}: the key, id and time of a Status, and the order of snowflake ids. */
class MastodonStatusesTest {

  @Test
  void aStatusIsKeyedByItsUriAndRemembersItsId() {
    Inspection status = MastodonStatuses.inspect(RecordedFrames.mastodonStatuses().get(1)
        .getBytes(StandardCharsets.UTF_8));

    assertThat(status.kind()).isEqualTo(Inspection.Kind.POST);
    assertThat(new String(status.key(), StandardCharsets.UTF_8))
        .isEqualTo("https://other.example/users/bernd/statuses/113560000000000102");
    assertThat(status.postId()).isEqualTo("113560000000000102");
    assertThat(status.eventMillis()).isEqualTo(Instant.parse("2024-11-27T09:15:04Z").toEpochMilli());
  }

  @Test
  void withoutUriTheIdIsTheKey() {
    Inspection status = MastodonStatuses.inspect("{\"id\":\"7\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(status.key(), StandardCharsets.UTF_8)).isEqualTo("7");
    assertThat(status.eventMillis()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void aStatusWithoutIdOrNotAnObjectIsMalformed() {
    assertThat(MastodonStatuses.inspect("{\"uri\":\"u\"}".getBytes(StandardCharsets.UTF_8)).reason())
        .isEqualTo("a Status needs an id");
    assertThat(MastodonStatuses.inspect("113560000000000050".getBytes(StandardCharsets.UTF_8)).kind())
        .isEqualTo(Inspection.Kind.MALFORMED);
  }

  @Test
  void longerIdsAreNewer() {
    assertThat(MastodonStatuses.compareIds("99", "100")).isNegative();
    assertThat(MastodonStatuses.compareIds("101", "100")).isPositive();
    assertThat(MastodonStatuses.compareIds("100", "100")).isZero();
  }
}
