package io.hashtagstreams.core.internal.window;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.hashtagstreams.core.TrendOptions;

/** Converts a {@link TrendBook} to and from its Spark state bean {@link TrendState}. */
final class TrendStateCodec {

  private TrendStateCodec() {
  }

  static TrendState toState(TrendBook book) {
    TrendState state = new TrendState();
    state.setFirstStartMs(book.firstStartMs);
    state.setLastClosedStartMs(book.lastClosedStartMs);
    if (book.options().maxTracked() > 0) {
      writeSketches(book, state);
    } else {
      writeOpen(book, state);
      writeHistory(book, state);
    }
    return state;
  }

  static TrendBook fromState(TrendState state, TrendOptions options) {
    TrendBook book = new TrendBook(options);
    book.firstStartMs = state.getFirstStartMs();
    book.lastClosedStartMs = state.getLastClosedStartMs();
    if (options.maxTracked() > 0) {
      readSketches(state, book);
    } else {
      readOpen(state, book);
      readHistory(state, book);
    }
    return book;
  }

  private static void writeOpen(TrendBook book, TrendState state) {
    int windows = book.open.size();
    long[] starts = new long[windows];
    int[] onceSizes = new int[windows];
    int[] sizes = new int[windows];
    int[] namedSizes = new int[windows];
    LongList once = new LongList();
    LongList hashes = new LongList();
    LongList counts = new LongList();
    LongList namedHashes = new LongList();
    java.util.List<String> names = new java.util.ArrayList<>();
    int w = 0;
    for (Map.Entry<Long, OpenWindow> entry : book.open.entrySet()) {
      ExactOpenWindow window = (ExactOpenWindow) entry.getValue();
      starts[w] = entry.getKey();
      int onceBefore = once.size();
      int countedBefore = hashes.size();
      window.counts().forEach((hash, count) -> {
        if (count == 1L) {
          once.add(hash);
        } else {
          hashes.add(hash);
          counts.add(count);
        }
      });
      onceSizes[w] = once.size() - onceBefore;
      sizes[w] = hashes.size() - countedBefore;
      namedSizes[w++] = window.named().size();
      for (Map.Entry<Long, String> name : window.named().entrySet()) {
        namedHashes.add(name.getKey());
        names.add(name.getValue());
      }
    }
    state.setOpenStarts(starts);
    state.setOpenOnceSizes(onceSizes);
    state.setOpenOnce(once.toArray());
    state.setOpenSizes(sizes);
    state.setOpenHashes(hashes.toArray());
    state.setOpenCounts(counts.toArray());
    state.setOpenNamedSizes(namedSizes);
    state.setOpenNamedHashes(namedHashes.toArray());
    state.setOpenNames(names.toArray(String[]::new));
  }

  private static void readOpen(TrendState state, TrendBook book) {
    long[] starts = state.getOpenStarts();
    int o = 0;
    int e = 0;
    int n = 0;
    for (int w = 0; w < starts.length; w++) {
      int onceSize = state.getOpenOnceSizes()[w];
      int size = state.getOpenSizes()[w];
      ExactOpenWindow window = new ExactOpenWindow(book.options().minCount(), onceSize + size);
      for (int i = 0; i < onceSize; i++, o++) {
        window.restore(state.getOpenOnce()[o], 1L);
      }
      for (int i = 0; i < size; i++, e++) {
        window.restore(state.getOpenHashes()[e], state.getOpenCounts()[e]);
      }
      for (int i = 0; i < state.getOpenNamedSizes()[w]; i++, n++) {
        window.named().put(state.getOpenNamedHashes()[n], state.getOpenNames()[n]);
      }
      book.open.put(starts[w], window);
    }
  }

  /** A growable {@code long[]}. */
  private static final class LongList {
    private long[] values = new long[64];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int size() {
      return size;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  private static void writeHistory(TrendBook book, TrendState state) {
    int windows = book.closed.size();
    long[] starts = new long[windows];
    long[] totals = new long[windows];
    int[] onceSizes = new int[windows];
    int[] countedSizes = new int[windows];
    int onceEntries = 0;
    int countedEntries = 0;
    for (HistoryWindow window : book.closed.values()) {
      onceEntries += ((HashedHistoryWindow) window).once().length;
      countedEntries += ((HashedHistoryWindow) window).hashes().length;
    }
    byte[] once = new byte[onceEntries];
    long[] hashes = new long[countedEntries];
    long[] counts = new long[countedEntries];
    int w = 0;
    int o = 0;
    int c = 0;
    for (Map.Entry<Long, HistoryWindow> entry : book.closed.entrySet()) {
      HashedHistoryWindow window = (HashedHistoryWindow) entry.getValue();
      starts[w] = entry.getKey();
      totals[w] = window.total();
      onceSizes[w] = window.once().length / PackedPrefixes.BYTES;
      countedSizes[w] = window.hashes().length;
      System.arraycopy(window.once(), 0, once, o, window.once().length);
      System.arraycopy(window.hashes(), 0, hashes, c, window.hashes().length);
      System.arraycopy(window.counts(), 0, counts, c, window.counts().length);
      o += window.once().length;
      c += window.hashes().length;
      w++;
    }
    state.setHistoryStarts(starts);
    state.setHistoryTotals(totals);
    state.setHistoryOnceSizes(onceSizes);
    state.setHistoryOnce(once);
    state.setHistoryCountedSizes(countedSizes);
    state.setHistoryHashes(hashes);
    state.setHistoryCounts(counts);
  }

  private static void readHistory(TrendState state, TrendBook book) {
    long[] starts = state.getHistoryStarts();
    int o = 0;
    int c = 0;
    for (int w = 0; w < starts.length; w++) {
      int onceSize = state.getHistoryOnceSizes()[w] * PackedPrefixes.BYTES;
      int countedSize = state.getHistoryCountedSizes()[w];
      book.closed.put(starts[w], new HashedHistoryWindow(state.getHistoryTotals()[w],
          Arrays.copyOfRange(state.getHistoryOnce(), o, o + onceSize),
          Arrays.copyOfRange(state.getHistoryHashes(), c, c + countedSize),
          Arrays.copyOfRange(state.getHistoryCounts(), c, c + countedSize)));
      o += onceSize;
      c += countedSize;
    }
  }

  private static void writeSketches(TrendBook book, TrendState state) {
    int windows = book.closed.size() + book.open.size();
    long[] starts = new long[windows];
    int[] sizes = new int[windows];
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int w = 0;
    for (Map<Long, ?> part : List.of(book.closed, book.open)) {
      for (Map.Entry<Long, ?> entry : part.entrySet()) {
        byte[] image = ((SketchedWindow) entry.getValue()).toBytes();
        starts[w] = entry.getKey();
        sizes[w++] = image.length;
        bytes.writeBytes(image);
      }
    }
    state.setSketchStarts(starts);
    state.setSketchSizes(sizes);
    state.setSketchBytes(bytes.toByteArray());
  }

  private static void readSketches(TrendState state, TrendBook book) {
    long[] starts = state.getSketchStarts();
    byte[] all = state.getSketchBytes();
    int at = 0;
    for (int w = 0; w < starts.length; w++) {
      int size = state.getSketchSizes()[w];
      SketchedWindow window = SketchedWindow.fromBytes(Arrays.copyOfRange(all, at, at + size));
      at += size;
      if (book.isClosed(starts[w])) {
        book.closed.put(starts[w], window);
      } else {
        book.open.put(starts[w], window);
      }
    }
  }
}
