package io.hashtagstreams.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.Network;
import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.core.RejectReason;
import io.hashtagstreams.core.testing.NetworkSamples;

/**
 * {@link PostScanner} on real records of every network (test resources {@code networks/}, see the README there)
 * and on the documented shapes of the records no public source had. Expected values come from the records'
 * own fields, read here with Jackson's tree model, and from the ground-truth files.
 */
class PostScannerTest {

  private static final ExtractOptions DEFAULTS = ExtractOptions.defaults();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> lines(String name) {
    return NetworkSamples.lines(name);
  }

  private static ScanResult scan(String record, ExtractOptions options) {
    return new PostScanner(options).scan(record.getBytes(StandardCharsets.UTF_8), new ScanResult());
  }

  private static ScanResult scan(String record) {
    return scan(record, DEFAULTS);
  }

  private static List<String> tags(ScanResult result) {
    return result.tags() == null ? null : Arrays.asList(result.tags());
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readsEveryRealJetstreamEventAsTheGroundTruthSays() {
    List<String> events = lines("bluesky-jetstream-v1.jsonl");
    List<String> expected = lines("bluesky-jetstream-v1.expected.tsv");
    assertThat(events).hasSize(152).hasSameSizeAs(expected);
    int posts = 0;
    int withTags = 0;
    for (int i = 0; i < events.size(); i++) {
      String[] truth = expected.get(i).split("\t", -1);
      ScanResult result = scan(events.get(i));
      assertThat(result.format()).as("line %d", i + 1).isEqualTo(PostFormat.BLUESKY_JETSTREAM);
      if (!truth[1].startsWith("at://")) {
        assertThat(result.reason()).as("line %d", i + 1).isNotNull();
        assertThat(result.reason().code()).as("line %d", i + 1).isEqualTo(truth[1]);
        continue;
      }
      posts++;
      JsonNode event = tree(events.get(i));
      JsonNode record = event.get("commit").get("record");
      assertThat(result.reason()).as("line %d", i + 1).isNull();
      assertThat(result.id()).isEqualTo(truth[1]);
      assertThat(result.network()).isEqualTo(Network.BLUESKY);
      assertThat(result.author()).isEqualTo(event.get("did").asText());
      assertThat(result.text()).isEqualTo(record.get("text").asText());
      assertThat(result.eventTimeMillis())
          .isEqualTo(Instant.parse(record.get("createdAt").asText()).toEpochMilli());
      assertThat(result.lang()).isEqualTo(record.has("langs") ? record.get("langs").get(0).asText() : null);
      assertThat(result.retweet()).isFalse();
      if (truth[2].equals("<none>")) {
        assertThat(result.tags()).as("line %d", i + 1).isNull();
      } else {
        assertThat(tags(result)).as("line %d", i + 1)
            .isEqualTo(truth[2].isEmpty() ? List.of() : Arrays.asList(truth[2].split(" ")));
        withTags += truth[2].isEmpty() ? 0 : 1;
      }
    }
    assertThat(posts).isEqualTo(17);
    assertThat(withTags).isEqualTo(2);
  }

  @Test
  void readsJetstreamCashtagsRecordTagsAndTheTimeUsFallback() {
    String post = "{\"did\":\"did:plc:abc\",\"time_us\":1783175888090631,\"kind\":\"commit\",\"commit\":{\"rev\":\"r\","
        + "\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3k\",\"record\":{"
        + "\"$type\":\"app.bsky.feed.post\",\"text\":\"$TSLA up #Rio2016\",\"facets\":["
        + "{\"index\":{\"byteStart\":0,\"byteEnd\":5},\"features\":[{\"tag\":\"$TSLA\","
        + "\"$type\":\"app.bsky.richtext.facet#tag\"}]},"
        + "{\"index\":{\"byteStart\":9,\"byteEnd\":17},\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\","
        + "\"tag\":\"Rio2016\"}]}],\"tags\":[\"olympics\",\"\"]}}}";
    ScanResult result = scan(post);
    assertThat(result.id()).isEqualTo("at://did:plc:abc/app.bsky.feed.post/3k");
    assertThat(tags(result)).containsExactly("Rio2016", "olympics");
    assertThat(result.eventTimeMillis()).isEqualTo(1783175888090L);
    assertThat(result.lang()).isNull();
  }

  @Test
  void readsRealMastodonStatusesAsTheGroundTruthSays() {
    List<String> statuses = lines("mastodon-statuses.jsonl");
    List<String> expected = lines("mastodon-statuses.expected.tsv");
    assertThat(statuses).hasSize(12).hasSameSizeAs(expected);
    for (int i = 0; i < statuses.size(); i++) {
      String[] truth = expected.get(i).split("\t", -1);
      JsonNode status = tree(statuses.get(i));
      ScanResult result = scan(statuses.get(i));
      assertThat(result.reason()).as("line %d", i + 1).isNull();
      assertThat(result.format()).isEqualTo(PostFormat.MASTODON);
      assertThat(result.id()).isEqualTo(truth[1]);
      assertThat(tags(result)).isEqualTo(truth[2].isEmpty() ? List.of() : Arrays.asList(truth[2].split(" ")));
      assertThat(result.retweet()).isEqualTo(truth[3].equals("reblog"));
      assertThat(result.author()).isEqualTo(status.get("account").get("url").asText());
      assertThat(result.eventTimeMillis()).isEqualTo(Instant.parse(status.get("created_at").asText()).toEpochMilli());
    }
    assertThat(scan(statuses.get(0)).text()).isEqualTo("#hoot (hashtag toot)");
    assertThat(scan(statuses.get(0)).lang()).isEqualTo("ja");
    assertThat(scan(statuses.get(2)).text()).isEqualTo("Toot!");
    assertThat(scan(statuses.get(4)).text())
        .isEqualTo("the best editor? why, of course it is the KDE Advanced Text Editor, Kate");
  }

  @Test
  void readsMastodonWebSocketMessagesByEvent() {
    List<String> messages = lines("mastodon-websocket.jsonl");
    String uri = tree(lines("mastodon-statuses.jsonl").get(0)).get("uri").asText();
    ScanResult update = scan(messages.get(0));
    assertThat(update.reason()).isNull();
    assertThat(update.id()).isEqualTo(uri);
    assertThat(tags(update)).containsExactly("hoot");
    ScanResult edit = scan(messages.get(1));
    assertThat(edit.reason()).isNull();
    assertThat(edit.id()).isEqualTo(uri);
    assertThat(scan(messages.get(2)).reason()).isEqualTo(RejectReason.DELETE_NOTICE);
    assertThat(scan(messages.get(3)).reason()).isEqualTo(RejectReason.OTHER_NOTICE);
    assertThat(scan(messages.get(3)).format()).isEqualTo(PostFormat.MASTODON);
  }

  @Test
  void readsMastodonServerSentEvents() {
    String status = lines("mastodon-statuses.jsonl").get(0);
    ScanResult update = scan("event: update\ndata: " + status + "\n\n");
    assertThat(update.reason()).isNull();
    assertThat(update.text()).isEqualTo("#hoot (hashtag toot)");
    assertThat(scan("event: delete\r\ndata: 117020593741189701\r\n").reason()).isEqualTo(RejectReason.DELETE_NOTICE);
    assertThat(scan(":thump\n").reason()).isEqualTo(RejectReason.OTHER_NOTICE);
    assertThat(scan("event: notification\ndata: {}\n").reason()).isEqualTo(RejectReason.OTHER_NOTICE);
    assertThat(scan("event: update\ndata: {\"uri\":\"x\"\n").reason()).isEqualTo(RejectReason.MALFORMED_JSON);
  }

  @Test
  void readsAMastodonReblogAsARetweetWithTheRebloggedText() {
    String reblog = lines("mastodon-statuses.jsonl").get(2);
    assertThat(scan(reblog).retweet()).isTrue();
    ScanResult excluded = scan(reblog, ExtractOptions.builder().excludeRetweets(true).build());
    assertThat(excluded.excluded()).isTrue();
    assertThat(excluded.reason()).isNull();
  }

  @Test
  void readsXV2StreamLines() {
    List<String> lines = lines("x-v2-stream-lines.jsonl");
    ScanResult plain = scan(lines.get(0));
    assertThat(plain.format()).isEqualTo(PostFormat.X_V2);
    assertThat(plain.id()).isEqualTo("1995000000000000001");
    assertThat(plain.author()).isEqualTo("2244994945");
    assertThat(plain.text()).isEqualTo("Gold for Brazil & us #Rio2016 #Olympics https://t.co/AbCdEfGhIj");
    assertThat(plain.eventTimeMillis()).isEqualTo(Instant.parse("2026-11-30T09:15:02Z").toEpochMilli());
    assertThat(plain.lang()).isEqualTo("en");
    assertThat(tags(plain)).containsExactly("Rio2016", "Olympics");

    ScanResult note = scan(lines.get(1));
    assertThat(note.text()).startsWith("#Long post ").endsWith(" #AtTheEnd");
    assertThat(tags(note)).containsExactly("Long", "AtTheEnd");
    assertThat(note.eventTimeMillis()).isEqualTo(Instant.parse("2026-11-30T09:15:03.120Z").toEpochMilli());

    ScanResult retweet = scan(lines.get(2));
    assertThat(retweet.retweet()).isTrue();
    assertThat(retweet.id()).isEqualTo("1995000000000000003");
    assertThat(retweet.author()).isEqualTo("2833017360");
    assertThat(retweet.text()).isEqualTo("Vai Brasil! #Rio2016 #ForçaBrasil tudo pelo #Ouro");
    assertThat(tags(retweet)).containsExactly("Rio2016", "ForçaBrasil", "Ouro");
    assertThat(scan(lines.get(2), ExtractOptions.builder().excludeRetweets(true).build()).excluded()).isTrue();

    ScanResult noEntities = scan(lines.get(3));
    assertThat(noEntities.reason()).isNull();
    assertThat(noEntities.tags()).isNull();

    assertThat(scan(lines.get(4)).reason()).isEqualTo(RejectReason.STREAM_ERROR);
    assertThat(scan(lines.get(5)).reason()).isEqualTo(RejectReason.DELETE_NOTICE);
    ScanResult bare = scan(lines.get(6));
    assertThat(bare.reason()).isNull();
    assertThat(bare.id()).isEqualTo("1995000000000000005");
    assertThat(tags(bare)).containsExactly("Bare");
    assertThat(scan(lines.get(7)).reason()).isEqualTo(RejectReason.EMPTY_VALUE);
    assertThat(lines).hasSize(8);
  }

  @Test
  void rejectsRealV2PostsWithoutCreatedAtAsBadEventTime() {
    List<String> posts = lines("x-v2-tweepy-home-timeline.jsonl");
    assertThat(posts).hasSize(98);
    for (String post : posts) {
      ScanResult result = scan(post);
      assertThat(result.format()).as(post).isEqualTo(PostFormat.X_V2);
      assertThat(result.reason()).as(post).isEqualTo(RejectReason.BAD_EVENT_TIME);
    }
    String withTime = posts.get(0).replaceFirst("\\{", "{\"created_at\":\"2022-05-20T17:08:16.000Z\",");
    ScanResult read = scan(withTime);
    assertThat(read.reason()).isNull();
    assertThat(read.text()).isEqualTo(tree(posts.get(0)).get("text").asText());
    assertThat(read.tags()).isNull();
  }

  @Test
  void tellsFormatsApartWhateverTheOrderOfTheirSharedKeys() {
    String v2 = "{\"id\":\"7\",\"text\":\"t #a\",\"created_at\":\"2026-01-01T00:00:00Z\",\"author_id\":\"9\"}";
    assertThat(scan(v2).format()).isEqualTo(PostFormat.X_V2);
    assertThat(scan(v2).id()).isEqualTo("7");
    String mastodon = "{\"id\":\"1\",\"created_at\":\"2026-01-01T00:00:00.000Z\",\"in_reply_to_id\":null,"
        + "\"uri\":\"https://m.example/users/a/statuses/1\",\"content\":\"<p>x &amp; y</p>\",\"tags\":[]}";
    ScanResult status = scan(mastodon);
    assertThat(status.format()).isEqualTo(PostFormat.MASTODON);
    assertThat(status.text()).isEqualTo("x & y");
    assertThat(status.eventTimeMillis()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    String v1 = "{\"text\":\"t\",\"id\":5,\"created_at\":\"Fri Jul 29 12:46:00 +0000 2016\","
        + "\"user\":{\"id\":42,\"id_str\":\"42\",\"name\":\"n\"}}";
    ScanResult tweet = scan(v1);
    assertThat(tweet.format()).isEqualTo(PostFormat.TWITTER_V1);
    assertThat(tweet.id()).isEqualTo("5");
    assertThat(tweet.author()).isEqualTo("42");
    assertThat(scan("{\"event\":\"favorite\",\"source\":{}}").reason()).isEqualTo(RejectReason.OTHER_NOTICE);
    assertThat(scan("{\"event\":\"favorite\",\"source\":{}}").format()).isEqualTo(PostFormat.TWITTER_V1);
  }

  @Test
  void rejectsFormatsLeftOutOfTheOptions() {
    ExtractOptions onlyBluesky = ExtractOptions.builder().formats(PostFormat.BLUESKY_JETSTREAM).build();
    ScanResult status = scan(lines("mastodon-statuses.jsonl").get(0), onlyBluesky);
    assertThat(status.reason()).isEqualTo(RejectReason.FORMAT_NOT_ACCEPTED);
    assertThat(status.format()).isEqualTo(PostFormat.MASTODON);
    assertThat(scan(lines("x-v2-stream-lines.jsonl").get(0), onlyBluesky).reason())
        .isEqualTo(RejectReason.FORMAT_NOT_ACCEPTED);
    assertThat(scan(lines("bluesky-jetstream-v1.jsonl").get(45), onlyBluesky).reason()).isNull();
  }

  @Test
  void fastSkipGivesJacksonsResultOnEveryRealRecord() {
    List<String> all = new ArrayList<>();
    for (String name : List.of("bluesky-jetstream-v1.jsonl", "mastodon-statuses.jsonl", "mastodon-websocket.jsonl",
        "x-v2-stream-lines.jsonl", "x-v2-tweepy-home-timeline.jsonl")) {
      all.addAll(lines(name));
    }
    PostScanner fast = new PostScanner(DEFAULTS);
    PostScanner plain = new PostScanner(DEFAULTS, false);
    for (String record : all) {
      byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
      ScanResult a = fast.scan(bytes, new ScanResult());
      ScanResult b = plain.scan(bytes, new ScanResult());
      assertThat(describe(a)).as(record).isEqualTo(describe(b));
    }
  }

  @Test
  void rejectsEveryTruncationOfARealRecordWithoutThrowing() {
    PostScanner scanner = new PostScanner(DEFAULTS);
    for (String record : List.of(lines("bluesky-jetstream-v1.jsonl").get(45), lines("mastodon-statuses.jsonl").get(2),
        lines("mastodon-websocket.jsonl").get(0), lines("x-v2-stream-lines.jsonl").get(2))) {
      byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
      for (int cut = 1; cut < bytes.length; cut++) {
        ScanResult result = scanner.scan(bytes, 0, cut, new ScanResult());
        assertThat(result.accepted()).as("cut at %d of %s", cut, record).isFalse();
      }
    }
  }

  private static String describe(ScanResult r) {
    return r.reason() + "|" + r.format() + "|" + r.id() + "|" + r.author() + "|" + r.text() + "|"
        + r.eventTimeMillis() + "|" + r.lang() + "|" + r.retweet() + "|" + tags(r) + "|" + r.excluded();
  }
}
