package io.hashtagstreams.examples;

import java.time.Duration;
import java.util.Set;

/**
 * The event-time window options of {@code windowed}, {@code top}, {@code to-kafka} and {@code peek}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code --window d}</td><td>{@code 1m}</td><td>window length</td></tr>
 *   <tr><td>{@code --slide d}</td><td>the window</td><td>distance between window starts (tumbling when equal
 *       to the window); at most the window</td></tr>
 *   <tr><td>{@code --watermark d}</td><td>{@code 30s}</td><td>how late (in event time) a tweet may arrive and
 *       still count; a window is final once the watermark passes its end</td></tr>
 * </table>
 *
 * <pre>{@code
 * WindowConfig windows = WindowConfig.from(Args.parse("windowed",
 *     new String[] {"--window", "1m", "--slide", "30s"}, WindowConfig.VALUE_OPTIONS, Set.of()));
 * }</pre>
 *
 * @param window the window length
 * @param slide the window slide
 * @param watermark the watermark delay
 */
public record WindowConfig(Duration window, Duration slide, Duration watermark) {

  /** The window options. */
  public static final Set<String> VALUE_OPTIONS = Set.of("--window", "--slide", "--watermark");

  /** Their usage lines. */
  public static final String USAGE = String.join(System.lineSeparator(),
      "  --window D                     window length (default 1m)",
      "  --slide D                      slide, at most the window (default: the window, i.e. tumbling)",
      "  --watermark D                  allowed lateness in event time (default 30s)");

  /**
   * Reads the window options.
   *
   * @param args the parsed command line
   * @return the options
   * @throws UsageException for a malformed duration or a slide longer than the window
   */
  public static WindowConfig from(Args args) {
    Duration window = args.duration("--window", Duration.ofMinutes(1));
    Duration slide = args.duration("--slide", window);
    if (slide.compareTo(window) > 0) {
      throw new UsageException("--slide " + Durations.format(slide) + " must not exceed --window "
          + Durations.format(window));
    }
    return new WindowConfig(window, slide, args.duration("--watermark", Duration.ofSeconds(30)));
  }
}
