package io.hashtagstreams.examples;

import java.time.Duration;

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
 * <p>The command line fills it through the {@link WindowOptions} mixin:
 * <pre>{@code
 * WindowConfig windows = new WindowedCommand().config("--window", "1m", "--slide", "30s").windows();
 * }</pre>
 *
 * @param window the window length
 * @param slide the window slide
 * @param watermark the watermark delay
 */
public record WindowConfig(Duration window, Duration slide, Duration watermark) {
}
