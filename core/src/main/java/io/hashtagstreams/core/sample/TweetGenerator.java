package io.hashtagstreams.core.sample;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.core.RejectReason;

/**
 * Deterministic, realistic tweet stream lines for tests, demos and benchmarks.
 *
 * <p>Each line looks like a 2016 streaming API message: the same field order ({@code created_at}, {@code id},
 * {@code id_str}, {@code text}, {@code source}, {@code truncated}, {@code in_reply_to_*}, {@code user},
 * {@code geo}, {@code coordinates}, {@code place}, {@code contributors}, [{@code retweeted_status}],
 * [{@code quoted_status}], {@code is_quote_status}, [{@code extended_tweet}], {@code retweet_count},
 * {@code favorite_count}, {@code entities}, {@code favorited}, {@code retweeted}, {@code filter_level},
 * {@code lang}, {@code timestamp_ms}), non-ASCII written as <code>&#92;uXXXX</code>, {@code /} as <code>&#92;/</code>, about
 * 3 to 5 KB for a tweet and 6 to 9 KB for a retweet (which nests the whole retweeted tweet). Texts mix ten
 * languages (English, Spanish, Portuguese, French, Japanese, Arabic, Russian, Korean, Hindi, emoji-only) with a
 * Zipf-like hashtag popularity, emoji right next to tags, punctuation right after tags ({@code #Rio2016,}), HTML
 * escapes, and links with {@code #fragments} that are not hashtags. Retweets carry a truncated
 * {@code RT @name: ...…} text, long tweets an {@code extended_tweet}; some tweets quote another tweet whose tags
 * are not theirs.
 *
 * <p>The same seed and options give the same lines. The event-time clock starts at {@code start} and advances
 * {@code 1 / tweetsPerSecond} seconds per line (every kind), so line {@code n} has
 * {@code timestamp_ms = start + floor(n * 1000 / tweetsPerSecond)}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code seed}</td><td>2016</td><td>the random seed</td></tr>
 *   <tr><td>{@code start}</td><td>2016-08-05T23:00:00Z</td><td>event time of the first line (not before 1970,
 *       before year 9000)</td></tr>
 *   <tr><td>{@code tweetsPerSecond}</td><td>1000</td><td>lines per second of event time</td></tr>
 *   <tr><td>{@code retweetShare}</td><td>0.35</td><td>share of RETWEET lines</td></tr>
 *   <tr><td>{@code extendedShare}</td><td>0.10</td><td>share of EXTENDED_TWEET lines</td></tr>
 *   <tr><td>{@code noticeShare}</td><td>0.02</td><td>share of delete (3/4) and limit (1/4) notices</td></tr>
 *   <tr><td>{@code malformedShare}</td><td>0</td><td>share of MALFORMED lines: truncated, garbage and
 *       non-UTF-8 in equal parts</td></tr>
 * </table>
 * The rest are TWEET lines; the four shares may sum to at most 1.
 *
 * <pre>{@code
 * TweetGenerator generator = TweetGenerator.builder()
 *     .seed(42)
 *     .start(Instant.parse("2016-07-29T12:46:00Z"))
 *     .tweetsPerSecond(200)
 *     .malformedShare(0.01)
 *     .build();
 * for (GeneratedRecord record : generator.next(1000)) {
 *   out.write(record.bytes());
 *   out.write('\n');
 * }
 * }</pre>
 *
 * <p>Not thread-safe: use one generator per thread. Generating costs some tens of microseconds per line.
 *
 * @since 0.1.0
 */
public final class TweetGenerator {

  /** Twitter's snowflake epoch (2010-11-04T01:42:54.657Z): ids are {@code (ms - epoch) << 22 | sequence}. */
  private static final long SNOWFLAKE_EPOCH = 1_288_834_974_657L;

  private static final byte[][] INVALID_UTF8 = {
      {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80},
      {(byte) 0xE2, (byte) 0x82}};
  private static final String GARBAGE_START = "~%^*<|";

  private final SplittableRandom random;
  private final PostFormat[] formats;
  private final SplittableRandom formatRandom;
  private PostFormat current = PostFormat.TWITTER_V1;
  private final long startMillis;
  private final double tweetsPerSecond;
  private final double[] kindCumulative;
  private final List<Burst> bursts;
  private final List<VolumeChange> volumeChanges;
  private final long[] burstLines;
  private long sequence;
  // the ordinary stream's clock: line n is at segmentStartMillis + floor((n - segmentStartLine) * 1000 / segmentRate)
  private long segmentStartMillis;
  private long segmentStartLine;
  private double segmentRate;
  private int nextBoundary;
  private final long[] boundaries;

  private TweetGenerator(Builder builder) {
    this.random = new SplittableRandom(builder.seed);
    this.formats = builder.formats.clone();
    // A stream of its own, so that the lines of the v1.1 format stay those of 0.2 for a seed.
    this.formatRandom = new SplittableRandom(builder.seed ^ 0x5DEECE66DL);
    this.startMillis = builder.start.toEpochMilli();
    this.tweetsPerSecond = builder.tweetsPerSecond;
    this.bursts = List.copyOf(builder.bursts);
    this.volumeChanges = builder.sortedVolumeChanges();
    this.burstLines = new long[bursts.size()];
    this.segmentStartMillis = startMillis;
    this.segmentRate = tweetsPerSecond * factorAt(startMillis);
    List<Long> edges = new ArrayList<>();
    for (VolumeChange change : volumeChanges) {
      edges.add(change.start().toEpochMilli());
      edges.add(change.end().toEpochMilli());
    }
    this.boundaries = edges.stream().filter(edge -> edge > startMillis).mapToLong(Long::longValue).toArray();
    double malformed = builder.malformedShare;
    double notice = malformed + builder.noticeShare;
    double retweet = notice + builder.retweetShare;
    double extended = retweet + builder.extendedShare;
    this.kindCumulative = new double[] {malformed, notice, retweet, extended};
  }

  /** A builder with the documented defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The bursts scheduled with {@link Builder#burst}, in the order given: the ground truth of what should trend.
   *
   * @return the bursts
   * @since 0.2.0
   */
  public List<Burst> bursts() {
    return bursts;
  }

  /**
   * The bursts with lines in {@code [from, to)}, e.g. a window.
   *
   * @param from the start of the interval, inclusive
   * @param to the end of the interval, exclusive
   * @return the bursts active in the interval, in the order given
   * @since 0.2.0
   */
  public List<Burst> burstsActiveIn(Instant from, Instant to) {
    List<Burst> active = new ArrayList<>();
    for (Burst burst : bursts) {
      if (burst.isActiveIn(from, to)) {
        active.add(burst);
      }
    }
    return active;
  }

  /**
   * The volume changes scheduled with {@link Builder#volumeChange}, by start.
   *
   * @return the volume changes
   * @since 0.2.0
   */
  public List<VolumeChange> volumeChanges() {
    return volumeChanges;
  }

  /** The next line: the earliest of the ordinary stream's next line and each burst's next line. */
  public GeneratedRecord next() {
    current = formats.length == 1 ? formats[0] : formats[formatRandom.nextInt(formats.length)];
    return nextInFormat();
  }

  private GeneratedRecord nextInFormat() {
    long millis = ordinaryMillis(sequence);
    int burst = -1;
    for (int i = 0; i < bursts.size(); i++) {
      long at = burstMillis(i);
      if (at != Long.MAX_VALUE && at < millis) {
        millis = at;
        burst = i;
      }
    }
    if (burst >= 0) {
      return burstTweet(bursts.get(burst), millis, burstLines[burst]++);
    }
    long n = sequence++;
    double u = random.nextDouble();
    if (u < kindCumulative[0]) {
      return malformed(millis, n);
    }
    if (u < kindCumulative[1]) {
      return random.nextInt(4) == 0 ? limitNotice(millis) : deleteNotice(millis);
    }
    if (u < kindCumulative[2]) {
      // A Bluesky repost carries no text (the reader rejects it): the Bluesky stream has plain posts instead.
      return current == PostFormat.BLUESKY_JETSTREAM ? tweet(millis, n, false) : retweet(millis, n);
    }
    return tweet(millis, n, u < kindCumulative[3]);
  }

  /**
   * The next {@code count} lines.
   *
   * @param count how many, at least 0
   * @throws IllegalArgumentException when {@code count} is negative
   */
  public List<GeneratedRecord> next(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be at least 0, got " + count);
    }
    List<GeneratedRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(next());
    }
    return records;
  }

  private long ordinaryMillis(long n) {
    long millis = segmentStartMillis + (long) Math.floor((n - segmentStartLine) * 1000.0 / segmentRate);
    while (nextBoundary < boundaries.length && millis >= boundaries[nextBoundary]) {
      segmentStartMillis = boundaries[nextBoundary++];
      segmentStartLine = n;
      segmentRate = tweetsPerSecond * factorAt(segmentStartMillis);
      millis = segmentStartMillis;
    }
    return millis;
  }

  private double factorAt(long millis) {
    for (VolumeChange change : volumeChanges) {
      if (millis >= change.start().toEpochMilli() && millis < change.end().toEpochMilli()) {
        return change.factor();
      }
    }
    return 1.0;
  }

  /** The time of burst {@code i}'s next line, or {@link Long#MAX_VALUE} when it is over. */
  private long burstMillis(int i) {
    Burst burst = bursts.get(i);
    long at = burst.start().toEpochMilli() + (long) Math.floor(burstLines[i] * 1000.0 / burst.tweetsPerSecond());
    return at < burst.end().toEpochMilli() ? at : Long.MAX_VALUE;
  }

  private GeneratedRecord burstTweet(Burst burst, long millis, long line) {
    Status status = newStatus(millis, snowflake(millis, (1L << 21) + line), false);
    status.text = status.text.withHashtag(burst.tag());
    TweetText full = status.fullText();
    return GeneratedRecord.burstTweet(burst, render(status), status.id, full.text, millis, status.lang,
        full.hashtags()).inFormat(current, NetworkFormatWriter.postId(current, status));
  }

  private GeneratedRecord tweet(long millis, long n, boolean longText) {
    Status status = newStatus(millis, snowflake(millis, n), longText);
    if (random.nextInt(20) == 0) {
      status.quoted = newStatus(millis - 60_000L - random.nextInt(86_400_000), 0, false);
    }
    TweetText full = status.fullText();
    return GeneratedRecord.tweet(longText ? GeneratedRecord.Kind.EXTENDED_TWEET : GeneratedRecord.Kind.TWEET,
        render(status), status.id, full.text, millis, status.lang, full.hashtags())
        .inFormat(current, NetworkFormatWriter.postId(current, status));
  }

  private GeneratedRecord retweet(long millis, long n) {
    Status original = newStatus(millis - 60_000L - random.nextInt(21_600_000), 0, random.nextInt(4) == 0);
    original.retweetCount = 1 + random.nextInt(5000);
    original.favoriteCount = random.nextInt(8000);
    String screenName = StatusWriter.screenName(original.userSeed);
    Status retweet = new Status();
    retweet.id = snowflake(millis, n);
    retweet.timestampMs = millis;
    retweet.userSeed = random.nextLong();
    retweet.lang = original.lang;
    retweet.source = Vocabulary.any(Vocabulary.SOURCES, random);
    retweet.text = original.fullText().truncate("RT @" + screenName + ": ", 140).withLeadingMention(screenName);
    retweet.retweeted = original;
    TweetText full = original.fullText();
    return GeneratedRecord.tweet(GeneratedRecord.Kind.RETWEET, render(retweet), retweet.id, full.text, millis,
        retweet.lang, full.hashtags()).inFormat(current, NetworkFormatWriter.postId(current, retweet));
  }

  /** A status with its own text; {@code id} 0 draws a random earlier id from the time. */
  private Status newStatus(long millis, long id, boolean longText) {
    Status status = new Status();
    status.timestampMs = millis;
    status.id = id != 0 ? id : snowflake(millis, random.nextInt(1 << 22));
    status.userSeed = random.nextLong();
    Vocabulary.Language language = Vocabulary.language(random);
    status.lang = language.code;
    status.source = Vocabulary.any(Vocabulary.SOURCES, random);
    TweetText text = TweetText.compose(language, longText, random);
    if (random.nextInt(4) == 0) {
      text = text.withMedia("https://t.co/" + TweetText.randomChars(random, 10));
    }
    if (random.nextInt(3) == 0) {
      status.place = random.nextInt(1000);
    }
    if (longText) {
      status.extended = text;
      status.text = text.truncate("", 116).withLink("https://t.co/" + TweetText.randomChars(random, 10));
    } else {
      status.text = text;
    }
    return status;
  }

  private GeneratedRecord deleteNotice(long millis) {
    long deleted = snowflake(millis - 1000L - random.nextInt(86_400_000), random.nextInt(1 << 22));
    long user = 100_000L + random.nextInt(Integer.MAX_VALUE);
    if (current != PostFormat.TWITTER_V1) {
      return GeneratedRecord.other(GeneratedRecord.Kind.DELETE_NOTICE,
          NetworkFormatWriter.delete(current, deleted, user, millis), millis, RejectReason.DELETE_NOTICE)
          .inFormat(current, null);
    }
    String json = "{\"delete\":{\"status\":{\"id\":" + deleted + ",\"id_str\":\"" + deleted + "\",\"user_id\":"
        + user + ",\"user_id_str\":\"" + user + "\"},\"timestamp_ms\":\"" + millis + "\"}}";
    return GeneratedRecord.other(GeneratedRecord.Kind.DELETE_NOTICE, json.getBytes(StandardCharsets.US_ASCII),
        millis, RejectReason.DELETE_NOTICE);
  }

  private GeneratedRecord limitNotice(long millis) {
    if (current != PostFormat.TWITTER_V1) {
      long liked = snowflake(millis - 1000L - random.nextInt(86_400_000), random.nextInt(1 << 22));
      RejectReason reason = current == PostFormat.X_V2 ? RejectReason.STREAM_ERROR
          : current == PostFormat.BLUESKY_JETSTREAM ? RejectReason.NOT_A_POST : RejectReason.OTHER_NOTICE;
      return GeneratedRecord.other(GeneratedRecord.Kind.LIMIT_NOTICE,
          NetworkFormatWriter.notAPost(current, liked, random.nextLong(), millis), millis, reason)
          .inFormat(current, null);
    }
    String json = "{\"limit\":{\"track\":" + (1 + random.nextInt(100_000)) + ",\"timestamp_ms\":\"" + millis
        + "\"}}";
    return GeneratedRecord.other(GeneratedRecord.Kind.LIMIT_NOTICE, json.getBytes(StandardCharsets.US_ASCII),
        millis, RejectReason.LIMIT_NOTICE);
  }

  private GeneratedRecord malformed(long millis, long n) {
    int variant = random.nextInt(3);
    if (variant == 0) {
      byte[] whole = render(newStatus(millis, snowflake(millis, n), false));
      byte[] cut = java.util.Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 2));
      return GeneratedRecord.other(GeneratedRecord.Kind.MALFORMED, cut, millis, RejectReason.MALFORMED_JSON)
          .inFormat(current, null);
    }
    if (variant == 1) {
      int length = 1 + random.nextInt(200);
      byte[] garbage = new byte[length];
      garbage[0] = (byte) GARBAGE_START.charAt(random.nextInt(GARBAGE_START.length()));
      for (int i = 1; i < length; i++) {
        garbage[i] = (byte) (0x21 + random.nextInt(0x7F - 0x21));
      }
      return GeneratedRecord.other(GeneratedRecord.Kind.MALFORMED, garbage, millis, RejectReason.MALFORMED_JSON)
          .inFormat(current, null);
    }
    byte[] whole = render(newStatus(millis, snowflake(millis, n), false));
    byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
    String field = current == PostFormat.MASTODON ? "\"content\":\"" : "\"text\":\"";
    int at = indexOf(whole, field.getBytes(StandardCharsets.US_ASCII)) + field.length();
    byte[] out = new byte[whole.length + bad.length];
    System.arraycopy(whole, 0, out, 0, at);
    System.arraycopy(bad, 0, out, at, bad.length);
    System.arraycopy(whole, at, out, at + bad.length, whole.length - at);
    return GeneratedRecord.other(GeneratedRecord.Kind.MALFORMED, out, millis, RejectReason.INVALID_UTF8)
        .inFormat(current, null);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("no text field");
  }

  private static long snowflake(long millis, long sequence) {
    return (Math.max(0, millis - SNOWFLAKE_EPOCH) << 22) | (sequence & 0x3F_FFFFL);
  }

  /** The status in the current line's format. */
  private byte[] render(Status status) {
    return current == PostFormat.TWITTER_V1 ? toBytes(status) : NetworkFormatWriter.post(current, status);
  }

  private static byte[] toBytes(Status status) {
    StringBuilder out = new StringBuilder(6144);
    StatusWriter.write(out, status, true);
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Options of a {@link TweetGenerator}; each may be set once.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private long seed = 2016L;
    private Instant start = Instant.parse("2016-08-05T23:00:00Z");
    private double tweetsPerSecond = 1000;
    private double retweetShare = 0.35;
    private double extendedShare = 0.10;
    private double noticeShare = 0.02;
    private double malformedShare = 0.0;
    private final List<Burst> bursts = new ArrayList<>();
    private final List<VolumeChange> volumeChanges = new ArrayList<>();
    private final java.util.Set<String> set = new java.util.HashSet<>();

    private PostFormat[] formats = {PostFormat.TWITTER_V1};
    private boolean formatsSet;

    private Builder() {
    }

    /**
     * The random seed (default 2016).
     *
     * @throws IllegalStateException when already set
     */
    public Builder seed(long seed) {
      once("seed", this.seed);
      this.seed = seed;
      return this;
    }

    /**
     * The event time of the first line (default 2016-08-05T23:00:00Z).
     *
     * @throws IllegalArgumentException when null, before 1970 or after year 9000
     * @throws IllegalStateException when already set
     */
    public Builder start(Instant start) {
      if (start == null || start.isBefore(Instant.EPOCH) || start.isAfter(Instant.parse("9000-01-01T00:00:00Z"))) {
        throw new IllegalArgumentException("start must be between 1970 and 9000, got " + start);
      }
      once("start", this.start);
      this.start = start;
      return this;
    }

    /**
     * How many lines per second of event time (default 1000).
     *
     * @throws IllegalArgumentException when not a positive finite number
     * @throws IllegalStateException when already set
     */
    public Builder tweetsPerSecond(double tweetsPerSecond) {
      if (!(tweetsPerSecond > 0) || Double.isInfinite(tweetsPerSecond)) {
        throw new IllegalArgumentException("tweetsPerSecond must be a positive finite number, got "
            + tweetsPerSecond);
      }
      once("tweetsPerSecond", this.tweetsPerSecond);
      this.tweetsPerSecond = tweetsPerSecond;
      return this;
    }

    /**
     * The share of retweets (default 0.35).
     *
     * @throws IllegalArgumentException when not within [0, 1]
     * @throws IllegalStateException when already set
     */
    public Builder retweetShare(double share) {
      this.retweetShare = share("retweetShare", share, retweetShare);
      return this;
    }

    /**
     * The share of long tweets with {@code extended_tweet} (default 0.10).
     *
     * @throws IllegalArgumentException when not within [0, 1]
     * @throws IllegalStateException when already set
     */
    public Builder extendedShare(double share) {
      this.extendedShare = share("extendedShare", share, extendedShare);
      return this;
    }

    /**
     * The share of delete and limit notices (default 0.02).
     *
     * @throws IllegalArgumentException when not within [0, 1]
     * @throws IllegalStateException when already set
     */
    public Builder noticeShare(double share) {
      this.noticeShare = share("noticeShare", share, noticeShare);
      return this;
    }

    /**
     * The share of malformed lines (default 0).
     *
     * @throws IllegalArgumentException when not within [0, 1]
     * @throws IllegalStateException when already set
     */
    public Builder malformedShare(double share) {
      this.malformedShare = share("malformedShare", share, malformedShare);
      return this;
    }

    /**
     * Schedules a burst: from {@code start} for {@code duration}, {@code tweetsPerSecond} extra tweets per second
     * of event time, each an ordinary-looking TWEET whose text ends with {@code #tag}. May be called several times;
     * see {@link Burst} for the exact timestamps and {@link GeneratedRecord#burst()} for the ground truth.
     *
     * @param tag a hashtag without {@code #} that {@link io.hashtagstreams.core.Hashtags#extract} finds whole
     * @param start the event time of the first burst line
     * @param duration positive, whole milliseconds
     * @param tweetsPerSecond a positive finite number
     * @return this builder
     * @throws IllegalArgumentException naming the bad argument and its value
     * @since 0.2.0
     */
    public Builder burst(String tag, Instant start, java.time.Duration duration, double tweetsPerSecond) {
      if (tag == null || !io.hashtagstreams.core.Hashtags.extract("#" + tag).equals(List.of(tag))) {
        throw new IllegalArgumentException("burst tag must be one hashtag without '#', got " + tag);
      }
      requireInterval("burst", start, duration);
      if (!(tweetsPerSecond > 0) || Double.isInfinite(tweetsPerSecond)) {
        throw new IllegalArgumentException("burst tweetsPerSecond must be a positive finite number, got "
            + tweetsPerSecond);
      }
      bursts.add(new Burst(tag, start, duration, tweetsPerSecond));
      return this;
    }

    /**
     * Schedules a volume change: from {@code start} for {@code duration}, the ordinary stream runs at
     * {@code factor} times {@code tweetsPerSecond}. May be called several times; changes must not overlap.
     *
     * @param start when the change begins
     * @param duration positive, whole milliseconds
     * @param factor a positive finite number (2 doubles the volume, 0.5 halves it)
     * @return this builder
     * @throws IllegalArgumentException naming the bad argument and its value
     * @since 0.2.0
     */
    public Builder volumeChange(Instant start, java.time.Duration duration, double factor) {
      requireInterval("volumeChange", start, duration);
      if (!(factor > 0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("volumeChange factor must be a positive finite number, got " + factor);
      }
      volumeChanges.add(new VolumeChange(start, duration, factor));
      return this;
    }

    private static void requireInterval(String what, Instant start, java.time.Duration duration) {
      if (start == null || start.isBefore(Instant.EPOCH) || start.isAfter(Instant.parse("9000-01-01T00:00:00Z"))) {
        throw new IllegalArgumentException(what + " start must be between 1970 and 9000, got " + start);
      }
      if (duration == null || duration.isNegative() || duration.isZero() || duration.getNano() % 1_000_000 != 0
          || duration.compareTo(java.time.Duration.ofDays(365L * 100)) > 0) {
        throw new IllegalArgumentException(what + " duration must be positive whole milliseconds of at most 100"
            + " years, got " + duration);
      }
    }

    private List<VolumeChange> sortedVolumeChanges() {
      List<VolumeChange> sorted = new ArrayList<>(volumeChanges);
      sorted.sort(java.util.Comparator.comparing(VolumeChange::start));
      return List.copyOf(sorted);
    }

    /**
     * Writes the lines in these formats: one format for all lines, or several, each line's drawn at random with
     * equal weights (a stream of its own, so the v1.1 lines of a seed do not change). The ground truth is the same
     * for every format: {@link GeneratedRecord#postId()} is the id {@code extractText} writes, and the posts of X,
     * Bluesky and Mastodon carry their network's tag list equal to {@link GeneratedRecord#hashtags()}. The
     * non-post lines are each network's: a delete (X compliance delete, Jetstream delete commit, Mastodon
     * {@code delete} event) for a v1.1 delete notice and, for a v1.1 limit notice, an X {@code errors} line
     * ({@code stream_error}), a Bluesky like ({@code not_a_post}) or a Mastodon {@code filters_changed} event
     * ({@code other_notice}). Bluesky has no retweets (a repost carries no text): its retweet share becomes plain
     * posts. Default: {@link PostFormat#TWITTER_V1} only.
     *
     * @param written one or more formats, without repeats
     * @return this builder
     * @throws IllegalArgumentException when none is given, one is null, or one is repeated
     * @throws IllegalStateException when already set
     * @since 0.3.0
     */
    public Builder formats(PostFormat... written) {
      if (written == null || written.length == 0 || java.util.Arrays.asList(written).contains(null)
          || java.util.Arrays.stream(written).distinct().count() != written.length) {
        throw new IllegalArgumentException("formats needs one or more distinct formats, got "
            + java.util.Arrays.toString(written) + "; choose from " + java.util.Arrays.toString(PostFormat.values()));
      }
      if (formatsSet) {
        throw new IllegalStateException("formats was already set to " + java.util.Arrays.toString(formats));
      }
      formatsSet = true;
      this.formats = written.clone();
      return this;
    }

    /**
     * The generator.
     *
     * @throws IllegalArgumentException when the four shares sum to more than 1, or when two volume changes overlap
     */
    public TweetGenerator build() {
      List<VolumeChange> sorted = sortedVolumeChanges();
      for (int i = 1; i < sorted.size(); i++) {
        if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
          throw new IllegalArgumentException("volume changes must not overlap, but " + sorted.get(i - 1) + " and "
              + sorted.get(i) + " do");
        }
      }
      double sum = retweetShare + extendedShare + noticeShare + malformedShare;
      if (sum > 1.0 + 1e-9) {
        throw new IllegalArgumentException("retweetShare + extendedShare + noticeShare + malformedShare must be at"
            + " most 1, got " + sum + " (" + retweetShare + " + " + extendedShare + " + " + noticeShare + " + "
            + malformedShare + ")");
      }
      return new TweetGenerator(this);
    }

    private double share(String name, double value, double current) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(name + " must be within [0, 1], got " + value);
      }
      once(name, current);
      return value;
    }

    private void once(String name, Object current) {
      if (!set.add(name)) {
        throw new IllegalStateException(name + " was already set to " + current);
      }
    }
  }
}
