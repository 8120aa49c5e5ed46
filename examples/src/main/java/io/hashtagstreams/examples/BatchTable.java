package io.hashtagstreams.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A {@code foreachBatch} function that prints each non-empty micro-batch as a {@link TablePrinter} table: sorted,
 * at most {@code rows} rows, nothing truncated.
 *
 * <p>Output of one batch, written with a single {@code print} call so batches never interleave:
 * <pre>
 * == top | batch 3 ==
 * window_start         window_end           rank  topic    count
 * -------------------  -------------------  ----  -------  -----
 * 2026-11-24 01:02:00  2026-11-24 01:03:00     1  rio2016     42
 * (more rows in this batch; raise --rows to see them)
 * </pre>
 * The last line appears only when the batch had more than {@code rows} rows. Empty batches print nothing.
 *
 * <pre>{@code
 * counts.writeStream().foreachBatch(new BatchTable("counts", out, 20, col("count").desc(), col("topic")))
 * }</pre>
 */
public final class BatchTable implements VoidFunction2<Dataset<Row>, Long> {

  private static final long serialVersionUID = 1L;

  /** The line printed under a table that was cut at {@code --rows}. */
  public static final String MORE = "(more rows in this batch; raise --rows to see them)";

  private final String title;
  private final transient PrintStream out;
  private final int rows;
  private final Column[] order;
  private long printedRows;

  /**
   * Creates the printer.
   *
   * @param title the name in each batch header, usually the subcommand
   * @param out where tables go
   * @param rows the most rows printed per batch, at least 1
   * @param order the sort order of the printed rows; should make the order total so output is deterministic
   * @throws IllegalArgumentException when {@code rows < 1}
   */
  public BatchTable(String title, PrintStream out, int rows, Column... order) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be at least 1, got " + rows);
    }
    this.title = title;
    this.out = out;
    this.rows = rows;
    this.order = order.clone();
  }

  /**
   * Prints one batch.
   *
   * @param batch the micro-batch's rows
   * @param batchId its id
   */
  @Override
  public void call(Dataset<Row> batch, Long batchId) {
    print(batch, "batch " + batchId);
  }

  /**
   * Prints the windows a finite input left open (see {@code EndOfInput}), under the header
   * {@code == top | closed by the end of input ==}; nothing when there are none.
   *
   * @param rows the windows' rows, computed as a batch
   */
  public void printClosedByEndOfInput(Dataset<Row> rows) {
    print(rows, "closed by the end of input");
  }

  /**
   * How many rows this printer has printed so far (cut rows not counted).
   *
   * @return 0 when every batch was empty
   */
  public long printedRows() {
    return printedRows;
  }

  private void print(Dataset<Row> batch, String label) {
    List<Row> collected = batch.orderBy(order).limit(rows + 1).collectAsList();
    if (collected.isEmpty()) {
      return;
    }
    boolean more = collected.size() > rows;
    List<Row> shown = more ? collected.subList(0, rows) : collected;
    printedRows += shown.size();
    StringBuilder text = new StringBuilder();
    text.append("== ").append(title).append(" | ").append(label).append(" ==").append(System.lineSeparator());
    text.append(TablePrinter.format(Arrays.asList(batch.columns()), shown));
    if (more) {
      text.append(MORE).append(System.lineSeparator());
    }
    out.print(text);
    out.flush();
  }
}
