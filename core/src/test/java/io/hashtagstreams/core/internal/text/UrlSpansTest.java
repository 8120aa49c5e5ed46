package io.hashtagstreams.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The URL spans, shown as the URL texts they cover. */
class UrlSpansTest {

  private static Arguments urls(String text, String... expected) {
    return Arguments.of(text, List.of(expected));
  }

  static Stream<Arguments> texts() {
    return Stream.of(
        urls("no dot here"),
        urls("see http://example.com/a#b now", "http://example.com/a#b"),
        urls("HTTPS://Example.COM/Path", "HTTPS://Example.COM/Path"),
        urls("two: example.org and www.example.co.uk/x.", "example.org", "www.example.co.uk/x"),
        urls("short t.co/abc and bit.ly/xyz", "t.co/abc", "bit.ly/xyz"),
        urls("https://t.co/abc123/more?x=1", "https://t.co/abc123"),
        urls("https://t.co/abc?amp=1 tail", "https://t.co/abc?amp=1"),
        urls("https://t.co/" + "a".repeat(41)),
        urls("http://example.com:8080/x", "http://example.com:8080/x"),
        urls("http://example.com/path.", "http://example.com/path"),
        urls("http://example.com/a_(b)_c", "http://example.com/a_(b)_c"),
        urls("http://example.com/a(b", "http://example.com/a"),
        urls("example.com?q=1&", "example.com?q=1&"),
        urls("example.com?!!", "example.com"),
        urls("http://example.com/Москва", "http://example.com/Москва"),
        urls("ELPAÍS.com", "ELPAÍS.com"),
        urls("http://✪df.ws/x", "http://✪df.ws/x"),
        urls("http://foobar.みんな/ok", "http://foobar.みんな/ok"),
        urls("http://example.xn--p1ai/", "http://example.xn--p1ai/"),
        urls("user@example.com $example.com #example.com"),
        urls("-example.com _example.com .example.com /example.com"),
        urls("http://localhost/x example.invalidtld"),
        urls("example.com-dash example.com+plus example.comx"),
        urls("http://-bad.com http://bad-.com"),
        urls("sub_domain.example.com", "sub_domain.example.com"),
        urls("example_name.com"),
        urls("日本語example.com中文", "example.com"),
        urls("https://😀＃五輪.com", "https://😀＃五輪.com"),
        urls("Zhttp://日本example.com/#tag"),
        urls("http://😀＃tag.xn--p1ai"),
        urls("#a·b.com/#c", "b.com/#c"));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void findsTheUrlsTwitterTextWould(String text, List<String> expected) {
    int[] spans = UrlSpans.find(text);
    List<String> found = new ArrayList<>();
    for (int i = 0; i < spans.length; i += 2) {
      found.add(text.substring(spans[i], spans[i + 1]));
    }
    assertThat(found).isEqualTo(expected);
  }
}
