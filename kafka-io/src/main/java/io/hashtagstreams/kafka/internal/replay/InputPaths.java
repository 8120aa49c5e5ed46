package io.hashtagstreams.kafka.internal.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.hashtagstreams.kafka.replay.ReplayInputException;

/**
 * Expands the inputs of a replay into files: a file as is, a directory as every regular file below it, a glob
 * ({@code *}, {@code ?}, {@code [...]}, <code>{a,b}</code>, {@code **}) as every regular file it matches.
 *
 * <p>Order, so that a collection of archive minutes is read in event-time order:
 * <ol>
 *   <li>When every file's path ends in the layout of the Internet Archive's Twitter stream dumps,
 *       {@code YYYY/MM/DD/HH/MM.<extension>} (e.g. {@code 2016/07/29/12/46.json.bz2}; each file holds the posts of
 *       that UTC minute), all files are sorted by that minute, earliest first, whatever order the inputs were given
 *       in (listed files, several directories, globs); files of the same minute in path order.</li>
 *   <li>Otherwise directories and globs are in path order (sorted by the path's text) and the inputs themselves in
 *       the order given: a {@code .tar} or a {@code .jsonl} says nothing about the minutes it holds.</li>
 * </ol>
 * The lines of one file (and the entries of one tar) keep their stored order.
 */
public final class InputPaths {

  private InputPaths() {
  }

  /**
   * The files, in replay order.
   *
   * @throws ReplayInputException naming an input that does not exist, cannot be read or matches nothing
   */
  public static List<Path> expand(List<String> inputs) {
    if (inputs == null || inputs.isEmpty()) {
      throw new IllegalArgumentException("no input given: name at least one file, directory or glob");
    }
    List<Path> files = new ArrayList<>();
    expandEach(inputs, files);
    return inEventTimeOrder(files);
  }

  /**
   * The archive minute a path names, such as {@code 2016-07-29T12:46} for {@code .../2016/07/29/12/46.json.bz2}.
   *
   * @param path a file's path
   * @return the minute, or empty when the path does not end in the {@code YYYY/MM/DD/HH/MM.<extension>} layout or
   *     names no valid minute
   */
  public static Optional<LocalDateTime> archiveMinute(Path path) {
    int parts = path.getNameCount();
    if (parts < 5) {
      return Optional.empty();
    }
    String file = path.getFileName().toString();
    int dot = file.indexOf('.');
    String minute = dot < 0 ? file : file.substring(0, dot);
    String[] fields = {path.getName(parts - 5).toString(), path.getName(parts - 4).toString(),
        path.getName(parts - 3).toString(), path.getName(parts - 2).toString(), minute};
    int[] widths = {4, 2, 2, 2, 2};
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].length() != widths[i] || !fields[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(LocalDateTime.of(Integer.parseInt(fields[0]),
          Integer.parseInt(fields[1]), Integer.parseInt(fields[2]), Integer.parseInt(fields[3]),
          Integer.parseInt(fields[4])));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static List<Path> inEventTimeOrder(List<Path> files) {
    List<LocalDateTime> minutes = new ArrayList<>(files.size());
    for (Path file : files) {
      Optional<LocalDateTime> minute = archiveMinute(file);
      if (minute.isEmpty()) {
        return files;
      }
      minutes.add(minute.get());
    }
    List<Integer> order = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer, LocalDateTime>comparing(minutes::get)
        .thenComparing(i -> files.get(i).toString()));
    List<Path> sorted = new ArrayList<>(files.size());
    for (int i : order) {
      sorted.add(files.get(i));
    }
    return sorted;
  }

  private static void expandEach(List<String> inputs, List<Path> files) {
    for (String input : inputs) {
      if (isGlob(input)) {
        files.addAll(glob(input));
        continue;
      }
      Path path = Paths.get(input);
      if (!Files.exists(path)) {
        throw new ReplayInputException(input, null, 0, "no such file or directory");
      }
      if (Files.isDirectory(path)) {
        List<Path> below = walk(path, file -> true, input);
        if (below.isEmpty()) {
          throw new ReplayInputException(input, null, 0, "the directory holds no files");
        }
        files.addAll(below);
      } else {
        requireReadable(path, input);
        files.add(path);
      }
    }
  }

  private static boolean isGlob(String input) {
    return input.indexOf('*') >= 0 || input.indexOf('?') >= 0 || input.indexOf('[') >= 0
        || input.indexOf('{') >= 0;
  }

  private static List<Path> glob(String input) {
    Path pattern = Paths.get(input);
    Path base = pattern.isAbsolute() ? pattern.getRoot() : Paths.get("");
    for (Path part : pattern) {
      if (isGlob(part.toString())) {
        break;
      }
      base = base.resolve(part);
    }
    Path root = base.toString().isEmpty() ? Paths.get(".") : base;
    String absolutePattern = root.toAbsolutePath().normalize().resolve(root.toAbsolutePath().normalize()
        .relativize(Paths.get(input).toAbsolutePath().normalize())).toString();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolutePattern);
    if (!Files.isDirectory(root)) {
      throw new ReplayInputException(input, null, 0, "no file matches (no directory " + root + ")");
    }
    List<Path> matched = walk(root, file -> matcher.matches(file.toAbsolutePath().normalize()), input);
    if (matched.isEmpty()) {
      throw new ReplayInputException(input, null, 0, "no file matches");
    }
    return matched;
  }

  private static List<Path> walk(Path directory, Predicate<Path> accept, String input) {
    try (Stream<Path> all = Files.walk(directory)) {
      List<Path> files = all.filter(Files::isRegularFile).filter(accept)
          .sorted((a, b) -> a.toString().compareTo(b.toString()))
          .collect(Collectors.toList());
      for (Path file : files) {
        requireReadable(file, file.toString());
      }
      return files;
    } catch (IOException | UncheckedIOException e) {
      throw new ReplayInputException(input, null, 0, "cannot list: " + e.getMessage());
    }
  }

  private static void requireReadable(Path path, String name) {
    if (!Files.isReadable(path)) {
      throw new ReplayInputException(name, null, 0, "not readable");
    }
  }
}
