package io.hashtagstreams.examples;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;

/**
 * Renders rows as an aligned text table, never truncating a value (unlike {@code Dataset.show()}).
 *
 * <p>Numbers are right-aligned, everything else left-aligned; timestamps are printed in UTC as
 * {@code yyyy-MM-dd HH:mm:ss}; null is printed as {@code null}. Columns are aligned by display width
 * ({@link DisplayWidth}), so CJK hashtags and emoji, which take two terminal columns, keep the table straight.
 *
 * <pre>{@code
 * String table = TablePrinter.format(List.of("topic", "count"), rows);
 * // topic    count
 * // -------  -----
 * // rio2016     42
 * }</pre>
 */
public final class TablePrinter {

  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private TablePrinter() {
  }

  /**
   * Formats rows under a header line and a dashed rule, each line ending with a line separator.
   *
   * @param columns the header names, one per field of each row
   * @param rows the rows; each must have {@code columns.size()} fields
   * @return the table, or just the header and rule when there are no rows
   * @throws IllegalArgumentException when a row's width differs from the header's
   */
  public static String format(List<String> columns, List<Row> rows) {
    int width = columns.size();
    List<String[]> cells = new ArrayList<>(rows.size());
    boolean[] numeric = new boolean[width];
    java.util.Arrays.fill(numeric, !rows.isEmpty());
    int[] widths = new int[width];
    for (int c = 0; c < width; c++) {
      widths[c] = DisplayWidth.of(columns.get(c));
    }
    for (Row row : rows) {
      if (row.length() != width) {
        throw new IllegalArgumentException("row " + row + " has " + row.length() + " fields, the header "
            + columns + " has " + width);
      }
      String[] line = new String[width];
      for (int c = 0; c < width; c++) {
        Object value = row.get(c);
        line[c] = cell(value);
        numeric[c] &= value == null || value instanceof Number;
        widths[c] = Math.max(widths[c], DisplayWidth.of(line[c]));
      }
      cells.add(line);
    }
    StringBuilder out = new StringBuilder();
    appendLine(out, columns.toArray(new String[0]), widths, new boolean[width]);
    String[] rule = new String[width];
    for (int c = 0; c < width; c++) {
      rule[c] = "-".repeat(widths[c]);
    }
    appendLine(out, rule, widths, new boolean[width]);
    for (String[] line : cells) {
      appendLine(out, line, widths, numeric);
    }
    return out.toString();
  }

  /**
   * One value as text: timestamps in UTC to the second, everything else by {@code String.valueOf}.
   *
   * @param value a value collected from Spark, may be null
   * @return its text
   */
  public static String cell(Object value) {
    if (value instanceof Timestamp) {
      return UTC_SECONDS.format(((Timestamp) value).toInstant());
    }
    if (value instanceof Instant) {
      return UTC_SECONDS.format((Instant) value);
    }
    return String.valueOf(value);
  }

  private static void appendLine(StringBuilder out, String[] line, int[] widths, boolean[] rightAlign) {
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < line.length; c++) {
      if (c > 0) {
        text.append("  ");
      }
      text.append(rightAlign[c] ? DisplayWidth.padLeft(line[c], widths[c]) : DisplayWidth.padRight(line[c], widths[c]));
    }
    out.append(text.toString().stripTrailing()).append(System.lineSeparator());
  }
}
