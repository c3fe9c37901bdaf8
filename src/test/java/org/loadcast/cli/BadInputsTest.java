package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad inputs under {@code src/test/resources/bad-inputs/}, each run through the command
 * line as a user would, with its expected exit code and messages.
 *
 * <p>A case is a folder holding its input files and two text files:
 * <ul>
 *   <li>{@code command.txt}: the arguments on one line, separated by spaces; {@code {dir}} stands for
 *       the folder of a fresh copy of the case's files, {@code {out}} for an empty output folder;</li>
 *   <li>{@code expected.txt}: a first line {@code exit N}, then lines {@code err: TEXT} and {@code out:
 *       TEXT}, each a whole line that standard error or standard output must hold, in this order; in
 *       the output the copy's folder is written {@code {dir}} and the output folder {@code {out}}.</li>
 * </ul>
 *
 * <p>Every case must also end without a stack trace, and a case that exits 2 must leave the output
 * folder empty (nothing half-written) and give its error on standard error as one line that starts
 * with a location (a file name, with {@code :line:column} where the input has lines).
 */
class BadInputsTest {
  private static final Path CORPUS = Path.of("src/test/resources/bad-inputs");

  @TempDir
  Path temp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> folders = Files.list(CORPUS)) {
      return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @Test
  void corpus_holdsCases() throws IOException {
    assertThat(cases().count()).isGreaterThanOrEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInput_givesItsExpectedMessage(String name) throws IOException {
    Path source = CORPUS.resolve(name);
    Path dir = Files.createDirectory(temp.resolve("in"));
    Path out = Files.createDirectory(temp.resolve("out"));
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.toList()) {
        String file = f.getFileName().toString();
        if (!file.equals("command.txt") && !file.equals("expected.txt")) {
          Files.copy(f, dir.resolve(file));
        }
      }
    }
    String command = Files.readString(source.resolve("command.txt"), StandardCharsets.UTF_8).strip();
    List<String> args = new ArrayList<>();
    for (String word : command.split(" +")) {
      args.add(word.replace("{dir}", dir.toString()).replace("{out}", out.toString()));
    }
    List<String> expected = Files.readAllLines(source.resolve("expected.txt"), StandardCharsets.UTF_8);
    assertThat(expected.get(0)).as("first line of expected.txt").matches("exit \\d+");
    int exit = Integer.parseInt(expected.get(0).substring(5));

    CommandRun run = CommandRun.of(args.toArray(String[]::new));
    String err = run.err().replace(dir.toString(), "{dir}").replace(out.toString(), "{out}");
    String stdout = run.out().replace(dir.toString(), "{dir}").replace(out.toString(), "{out}");
    String both = "stdout:\n" + stdout + "\nstderr:\n" + err;

    assertThat(run.code()).as(both).isEqualTo(exit);
    assertThat(err).as(both).doesNotContain("\tat ").doesNotContainIgnoringCase("exception");
    List<String> errLines = err.lines().toList();
    List<String> outLines = stdout.lines().toList();
    int errAt = 0;
    int outAt = 0;
    for (String line : expected.subList(1, expected.size())) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("err: ")) {
        errAt = indexFrom(errLines, line.substring(5), errAt, both) + 1;
      } else if (line.startsWith("out: ")) {
        outAt = indexFrom(outLines, line.substring(5), outAt, both) + 1;
      } else {
        throw new AssertionError(name + "/expected.txt: a line must start with 'err: ' or 'out: ', but was '" + line + "'");
      }
    }
    if (exit == 2) {
      try (Stream<Path> left = Files.list(out)) {
        assertThat(left.toList()).as("the output folder after exit 2").isEmpty();
      }
      assertThat(errLines).as(both).isNotEmpty();
      assertThat(errLines.get(errLines.size() - 1)).as("the error line, " + both).matches("^\\{dir}/[^:]+(:\\d+:\\d+)?: .+");
    }
  }

  private static int indexFrom(List<String> lines, String wanted, int from, String both) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).equals(wanted)) {
        return i;
      }
    }
    throw new AssertionError("expected the line\n  " + wanted + "\n(in order, from line " + (from + 1) + ") in\n" + both);
  }
}
