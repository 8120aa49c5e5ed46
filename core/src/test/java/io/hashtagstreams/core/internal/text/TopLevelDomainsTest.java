package io.hashtagstreams.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopLevelDomainsTest {

  @Test
  void recognizesAsciiDomainsIgnoringCase() {
    assertThat(TopLevelDomains.isAscii("x.com", 2, 5)).isTrue();
    assertThat(TopLevelDomains.isAscii("x.COM", 2, 5)).isTrue();
    assertThat(TopLevelDomains.isAscii("co", 0, 2)).isTrue();
    assertThat(TopLevelDomains.isAscii("photography", 0, 11)).isTrue();
    assertThat(TopLevelDomains.isAscii("comm", 0, 4)).isFalse();
    assertThat(TopLevelDomains.isAscii("x", 0, 1)).isFalse();
    assertThat(TopLevelDomains.isAscii("invalidtld", 0, 10)).isFalse();
  }

  @Test
  void findsTheEndOfUnicodeDomains() {
    assertThat(TopLevelDomains.unicodeEnd("a.みんな/", 2)).isEqualTo(5);
    assertThat(TopLevelDomains.unicodeEnd("中国", 0)).isEqualTo(2);
    assertThat(TopLevelDomains.unicodeEnd("рф", 0)).isEqualTo(2);
    assertThat(TopLevelDomains.unicodeEnd("日本語", 0)).isEqualTo(-1);
  }
}
