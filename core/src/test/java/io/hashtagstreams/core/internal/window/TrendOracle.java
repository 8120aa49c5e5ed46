package io.hashtagstreams.core.internal.window;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.hashtagstreams.core.TrendOptions;

/**
 * The expected output of {@code trendingTopics}, computed the slow and obvious way from a plain list of events, with
 * none of the operator's code: per window, loop over the {@code history} window starts before it and add up the
 * counts and take the peak share. Rows are written as {@link #format}.
 */
final class TrendOracle {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  /** One topic occurrence. */
  record Event(long epochMs, String topic) {
  }

  private TrendOracle() {
  }

  static List<String> expected(List<Event> events, TrendOptions options) {
    long length = options.window().toMillis();
    Map<Long, Map<String, Long>> windows = new TreeMap<>();
    for (Event event : events) {
      long start = Math.floorDiv(event.epochMs(), length) * length;
      windows.computeIfAbsent(start, s -> new HashMap<>()).merge(event.topic(), 1L, Long::sum);
    }
    List<String> rows = new ArrayList<>();
    if (windows.isEmpty()) {
      return rows;
    }
    long first = ((TreeMap<Long, Map<String, Long>>) windows).firstKey();
    for (Map.Entry<Long, Map<String, Long>> window : windows.entrySet()) {
      long start = window.getKey();
      // README: a window is ranked once min(history, 3) windows of the stream precede it (not read from the options
      // under test, so that a wrong warmUpWindows() fails here)
      if ((start - first) / length < Math.min(options.history(), 3)) {
        continue;
      }
      long total = sum(window.getValue());
      long historyTotal = 0;
      for (int j = 1; j <= options.history(); j++) {
        historyTotal += sum(windows.getOrDefault(start - j * length, Map.of()));
      }
      List<Object[]> listed = new ArrayList<>();
      for (Map.Entry<String, Long> topic : window.getValue().entrySet()) {
        long count = topic.getValue();
        if (count < options.minCount()) {
          continue;
        }
        double share = 1.0 / (historyTotal + 1.0);
        for (int j = 1; j <= options.history(); j++) {
          Map<String, Long> past = windows.getOrDefault(start - j * length, Map.of());
          long pastCount = past.getOrDefault(topic.getKey(), 0L);
          if (pastCount > 0 && (double) pastCount / sum(past) > share) {
            share = (double) pastCount / sum(past);
          }
        }
        double baseline = share * total;
        double score = count / baseline > 1 + 1e-9 ? count * Math.log(count / baseline) - (count - baseline) : 0.0;
        if (score > 0 && score >= options.minScore()) {
          listed.add(new Object[] {topic.getKey(), count, baseline, score});
        }
      }
      listed.sort((a, b) -> {
        int byScore = Double.compare((double) b[3], (double) a[3]);
        return byScore != 0 ? byScore : ((String) a[0]).compareTo((String) b[0]);
      });
      for (int i = 0; i < Math.min(options.k(), listed.size()); i++) {
        Object[] row = listed.get(i);
        rows.add(format(start, start + length, i + 1, (String) row[0], (long) row[1], (double) row[2],
            (double) row[3]));
      }
    }
    return rows;
  }

  /** {@code "12:04-12:05 #1 surge=300 b=3.123456 s=1085.123456"}. */
  static String format(long startMs, long endMs, int rank, String topic, long count, double baseline, double score) {
    return HH_MM.format(Instant.ofEpochMilli(startMs)) + "-" + HH_MM.format(Instant.ofEpochMilli(endMs)) + " #" + rank
        + " " + topic + "=" + count + String.format(Locale.ROOT, " b=%.6f s=%.6f", baseline, score);
  }

  private static long sum(Map<String, Long> counts) {
    long sum = 0;
    for (long count : counts.values()) {
      sum += count;
    }
    return sum;
  }
}
