package io.hashtagstreams.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned first column and right-aligned numbers, printed as Markdown. */
public final class Table {

  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();

  /** A table with these column names. */
  public Table(String... header) {
    this.header = header.clone();
  }

  /**
   * Adds a row.
   *
   * @throws IllegalArgumentException when the number of cells differs from the header
   */
  public Table row(Object... cells) {
    if (cells.length != header.length) {
      throw new IllegalArgumentException("expected " + header.length + " cells, got " + cells.length);
    }
    String[] text = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      text[i] = String.valueOf(cells[i]);
    }
    rows.add(text);
    return this;
  }

  /** The rows added so far. */
  public List<String[]> rows() {
    return List.copyOf(rows);
  }

  /** The table as Markdown. */
  @Override
  public String toString() {
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      width[i] = Math.max(3, header[i].length());
      for (String[] row : rows) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, width);
    String[] rule = new String[header.length];
    for (int i = 0; i < header.length; i++) {
      rule[i] = i == 0 ? "-".repeat(width[i]) : "-".repeat(width[i] - 1) + ":";
    }
    line(out, rule, width);
    for (String[] row : rows) {
      line(out, row, width);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String[] cells, int[] width) {
    out.append('|');
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i];
      String pad = " ".repeat(width[i] - cell.length());
      out.append(' ').append(i == 0 ? cell + pad : pad + cell).append(" |");
    }
    out.append('\n');
  }

  /** {@code value} with thousands separators and no decimals. */
  public static String count(double value) {
    return String.format(java.util.Locale.ROOT, "%,.0f", value);
  }

  /** {@code value} with {@code decimals} decimals. */
  public static String fixed(double value, int decimals) {
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
  }
}
