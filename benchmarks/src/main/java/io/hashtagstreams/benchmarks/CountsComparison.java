package io.hashtagstreams.benchmarks;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Compares the notebook's window counts with ours key by key, and says why each notebook key differs.
 *
 * <p>A key is {@code window start / tag}. The notebook's tag is its word without the leading {@code #}, as it came
 * out of {@code split}; ours is the normalized topic. A notebook key that ours lacks is put into one defect class:
 * {@code bare #} (the word is just {@code #}), {@code punctuation} (a character a hashtag cannot contain is glued to
 * the word: {@code #rio2016!}, {@code #a#b}, {@code #x/y}), {@code case} (the word is a valid tag, but not in its
 * normalized case), or {@code other}.
 *
 * @param notebookKeys distinct keys the notebook produced
 * @param oursKeys distinct keys ours produced
 * @param sameCount keys in both with the same count
 * @param oursHigher keys in both where ours counted more (occurrences the notebook lost to a defect)
 * @param notebookHigher keys in both where the notebook counted more
 * @param onlyNotebook notebook keys ours does not have
 * @param onlyOurs our keys the notebook does not have
 * @param notebookOnlyReasons {@code onlyNotebook} split by defect class
 * @param notebookTagOccurrences total count the notebook reported (all keys)
 * @param oursTagOccurrences total count ours reported (all keys)
 */
public record CountsComparison(int notebookKeys, int oursKeys, int sameCount, int oursHigher, int notebookHigher,
    int onlyNotebook,
    int onlyOurs, Map<String, Integer> notebookOnlyReasons, long notebookTagOccurrences, long oursTagOccurrences) {

  /** Collects both count tables (columns {@code window, word, count} and {@code window, topic, count}). */
  public static CountsComparison of(Dataset<Row> notebookCounts, Dataset<Row> oursCounts) {
    Map<String, Long> notebook = keyed(notebookCounts, "word", true);
    Map<String, Long> ours = keyed(oursCounts, "topic", false);
    int same = 0;
    int oursHigher = 0;
    int notebookHigher = 0;
    int onlyNotebook = 0;
    long notebookTotal = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    for (Map.Entry<String, Long> entry : notebook.entrySet()) {
      notebookTotal += entry.getValue();
      Long theirs = ours.get(entry.getKey());
      if (theirs == null) {
        onlyNotebook++;
        reasons.merge(defect(entry.getKey().substring(entry.getKey().indexOf('/') + 1)), 1, Integer::sum);
      } else if (theirs.equals(entry.getValue())) {
        same++;
      } else if (theirs > entry.getValue()) {
        oursHigher++;
      } else {
        notebookHigher++;
      }
    }
    long oursTotal = 0;
    int onlyOurs = 0;
    for (Map.Entry<String, Long> entry : ours.entrySet()) {
      oursTotal += entry.getValue();
      if (!notebook.containsKey(entry.getKey())) {
        onlyOurs++;
      }
    }
    return new CountsComparison(notebook.size(), ours.size(), same, oursHigher, notebookHigher, onlyNotebook,
        onlyOurs, Map.copyOf(reasons), notebookTotal, oursTotal);
  }

  /** Which notebook defect explains a word (without its {@code #}) that ours does not count as such. */
  static String defect(String word) {
    if (word.isEmpty()) {
      return "bare #";
    }
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (!(Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
          || Character.getType(cp) == Character.COMBINING_SPACING_MARK || cp == '_')) {
        return "punctuation";
      }
      i += Character.charCount(cp);
    }
    if (!word.equals(word.toLowerCase(Locale.ROOT))) {
      return "case";
    }
    return "other";
  }

  /** Collects {@code window, <tagColumn>, count} into {@code "<window start>/<tag>" -> count}. */
  static Map<String, Long> keyed(Dataset<Row> counts, String tagColumn, boolean stripHash) {
    List<Row> rows = counts.select("window.start", tagColumn, "count").collectAsList();
    Map<String, Long> keyed = new HashMap<>(rows.size() * 2);
    for (Row row : rows) {
      Timestamp start = row.getTimestamp(0);
      String tag = row.getString(1);
      if (stripHash && tag.startsWith("#")) {
        tag = tag.substring(1);
      }
      keyed.merge(start.toInstant() + "/" + tag, row.getLong(2), Long::sum);
    }
    return keyed;
  }

  /** The comparison as a small Markdown table. */
  public String toTable() {
    Table table = new Table("keys (window/tag)", "count")
        .row("notebook keys", notebookKeys)
        .row("ours keys", oursKeys)
        .row("same count", sameCount)
        .row("both, ours counted more", oursHigher)
        .row("both, notebook counted more", notebookHigher)
        .row("notebook only", onlyNotebook);
    notebookOnlyReasons.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> table.row("  notebook only: " + e.getKey(), e.getValue()));
    table.row("ours only", onlyOurs)
        .row("tag occurrences counted, notebook", notebookTagOccurrences)
        .row("tag occurrences counted, ours", oursTagOccurrences);
    return table.toString();
  }
}
