package io.hashtagstreams.kafka.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order in which replay inputs are read: archive minutes ({@code YYYY/MM/DD/HH/MM.json.bz2}) by the minute they
 * name, anything else as given. Reading the files is covered by {@code ArchiveLinesTest}.
 */
class InputPathsTest {

  @TempDir
  Path dir;

  private Path touch(String relative) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {'x', '\n'});
    return file;
  }

  private List<String> relative(List<Path> files) {
    return files.stream().map(file -> dir.relativize(file).toString().replace('\\', '/'))
        .collect(Collectors.toList());
  }

  @Test
  void readsArchiveMinutesListedOutOfOrderEarliestFirst() throws IOException {
    Path y2021 = touch("2021/01/01/07/28.json.bz2");
    Path y2016 = touch("2016/07/29/12/46.json.bz2");
    Path y2015 = touch("2015/02/01/10/00.json.bz2");

    assertThat(relative(InputPaths.expand(List.of(y2021.toString(), y2016.toString(), y2015.toString()))))
        .containsExactly("2015/02/01/10/00.json.bz2", "2016/07/29/12/46.json.bz2", "2021/01/01/07/28.json.bz2");
  }

  @Test
  void sortsMinutesAcrossSeveralDirectoriesAndGlobsByTheMinuteNotThePath() throws IOException {
    touch("a/2021/01/01/07/28.json.bz2");
    touch("a/2016/07/29/12/47.json.bz2");
    touch("b/2016/07/29/12/46.json");
    touch("b/2015/02/01/10/00.json.gz");
    touch("c/2016/07/29/12/46.json.bz2");

    // in path order the collection would read a/2016.., a/2021.., b/2015.., b/2016.., c/2016..
    assertThat(relative(InputPaths.expand(List.of(dir.resolve("a").toString(), dir.resolve("b") + "/**",
        dir.resolve("c").toString()))))
        .containsExactly("b/2015/02/01/10/00.json.gz", "b/2016/07/29/12/46.json", "c/2016/07/29/12/46.json.bz2",
            "a/2016/07/29/12/47.json.bz2", "a/2021/01/01/07/28.json.bz2");
  }

  @Test
  void keepsTheGivenOrderWhenAFileIsNotAnArchiveMinute() throws IOException {
    Path minute = touch("2021/01/01/07/28.json.bz2");
    Path sample = touch("real-tweets.jsonl");
    Path older = touch("2015/02/01/10/00.json.bz2");

    assertThat(relative(InputPaths.expand(List.of(minute.toString(), sample.toString(), older.toString()))))
        .containsExactly("2021/01/01/07/28.json.bz2", "real-tweets.jsonl", "2015/02/01/10/00.json.bz2");
  }

  @Test
  void readsTheMinuteFromTheLastFivePathNames() {
    assertThat(InputPaths.archiveMinute(Paths.get("x/2016/07/29/12/46.json.bz2")))
        .contains(LocalDateTime.of(2016, 7, 29, 12, 46));
    assertThat(InputPaths.archiveMinute(Paths.get("2016/07/29/12/46"))).contains(LocalDateTime.of(2016, 7, 29, 12,
        46));
    assertThat(InputPaths.archiveMinute(Paths.get("2016/07/29/12.json"))).isEmpty();
    assertThat(InputPaths.archiveMinute(Paths.get("2016/7/29/12/46.json"))).isEmpty();
    assertThat(InputPaths.archiveMinute(Paths.get("2016/07/29/12/61.json"))).isEmpty();
    assertThat(InputPaths.archiveMinute(Paths.get("2016/13/29/12/46.json"))).isEmpty();
    assertThat(InputPaths.archiveMinute(Paths.get("twitter-stream-2016-07.tar"))).isEmpty();
  }
}
