package io.hashtagstreams.kafka.internal.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.hashtagstreams.kafka.replay.ReplayInputException;

/**
 * Expands the inputs of a replay into files: a file as is, a directory as every regular file below it, a glob
 * ({@code *}, {@code ?}, {@code [...]}, <code>{a,b}</code>, {@code **}) as every regular file it matches; directories
 * and globs in path order (sorted by the path's text), the inputs themselves in the order given.
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
    return files;
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

  private static List<Path> walk(Path directory, java.util.function.Predicate<Path> accept, String input) {
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
