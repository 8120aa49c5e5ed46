package io.hashtagstreams.examples;

import java.time.Duration;

import picocli.CommandLine.Option;

/**
 * The event-time window options, as a picocli mixin; {@link #toConfig} turns them into a {@link WindowConfig} (see
 * there for their meaning).
 *
 * <pre>
 * &#64;Mixin
 * WindowOptions windows;
 * ...
 * WindowConfig config = windows.toConfig();   // --window 1m --slide 30s: sliding windows
 * </pre>
 */
public final class WindowOptions {

  @Option(names = "--window", paramLabel = "D", defaultValue = "1m", converter = DurationConverter.class,
      description = "window length (default ${DEFAULT-VALUE})")
  Duration window;

  @Option(names = "--slide", paramLabel = "D", converter = DurationConverter.class,
      description = "slide, at most the window (default: the window, i.e. tumbling)")
  Duration slide;

  @Option(names = "--watermark", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
      description = "allowed lateness in event time (default ${DEFAULT-VALUE})")
  Duration watermark;

  /**
   * The window options, the slide defaulting to the window.
   *
   * @return the options
   * @throws UsageException for a slide longer than the window
   */
  public WindowConfig toConfig() {
    Duration effectiveSlide = slide != null ? slide : window;
    if (effectiveSlide.compareTo(window) > 0) {
      throw new UsageException("--slide " + DurationConverter.format(effectiveSlide) + " must not exceed --window "
          + DurationConverter.format(window));
    }
    return new WindowConfig(window, effectiveSlide, watermark);
  }
}
