package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.loadcast.profile.InputException;
import org.loadcast.profile.ProfileDocument;
import org.loadcast.profile.TrafficProfiles;
import org.loadcast.profile.YamlFile;

/**
 * Properties of the traffic-profile reader under random edits of valid profiles: it never fails
 * with anything but located problems, and a document it accepts keeps every value it writes.
 *
 * <p>Together the properties try 3,800 documents (3,000 edits through the reader, 500 through {@code
 * loadcast profile check}, 300 with an unknown key); with {@link ExperimentPropertyTest}, 6,600.
 */
class YamlProfilePropertyTest {
  /**
   * Valid profiles without files of their own (a curve file would not be beside the copy), short
   * enough to read in a few milliseconds: a week-long model with noise takes 60 ms.
   */
  static final List<Path> SEEDS = List.of(Path.of("src/test/resources/property-seeds/tiny-profile.yaml"),
      Path.of("src/test/resources/property-seeds/small-model.yaml"), Path.of("src/test/resources/profiles/valid-sessions.yaml"));

  private static Path folder;

  @BeforeContainer
  static void createFolder() throws IOException {
    folder = Files.createTempDirectory("yaml-profile-property");
  }

  @AfterContainer
  static void deleteFolder() throws IOException {
    YamlMutation.deleteTree(folder);
  }

  @Provide
  Arbitrary<String> seeds() {
    return Arbitraries.of(SEEDS).map(YamlProfilePropertyTest::read);
  }

  @Provide
  Arbitrary<YamlMutation> mutations() {
    return YamlMutation.mutations();
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(String name, String text) {
    return YamlMutation.write(folder, name, text);
  }

  @Property(tries = 3000, seed = "20261130")
  void mutatedProfile_isReadWhole_orRefusedWithLocatedLines(@ForAll("seeds") String seed, @ForAll("mutations") YamlMutation mutation) {
    String text = mutation.apply(seed);
    Path file = write("profile", text);
    try {
      TrafficProfiles.read(file);
    } catch (InputException e) {
      YamlMutation.assertLocated(e, text, file.toString());
      return;
    }
    YamlMutation.assertNothingDropped(text, YamlFile.read(file, ProfileDocument.class).value());
  }

  @Property(tries = 500, seed = "20261130")
  void mutatedProfile_throughTheCommandLine_exitsZeroOrTwo(@ForAll("seeds") String seed, @ForAll("mutations") YamlMutation mutation) {
    String text = mutation.apply(seed);
    Path file = write("check", text);
    CommandRun run = CommandRun.of("profile", "check", file.toString());
    assertThat(run.code()).as(run.err()).isIn(0, 2);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    if (run.code() == 2) {
      assertThat(run.err().lines()).isNotEmpty()
          .allSatisfy(line -> assertThat(line).matches("^" + java.util.regex.Pattern.quote(file.toString()) + "(:\\d+:\\d+)?: \\S.*"));
    }
  }

  @Provide
  Arbitrary<String> unknownKeys() {
    return YamlMutation.unknownKeys();
  }

  @Property(tries = 300, seed = "20261130")
  void unknownKey_isReported_notIgnored(@ForAll("seeds") String seed, @ForAll("unknownKeys") String key,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 1000) int at) {
    String text = YamlMutation.withKeyBeside(seed, key, at);
    Path file = write("unknown", text);
    try {
      TrafficProfiles.read(file);
      throw new AssertionError("the unknown key '" + key + "' was ignored in\n" + text);
    } catch (InputException e) {
      YamlMutation.assertLocated(e, text, file.toString());
      assertThat(e.getMessage()).as(text).contains(key);
    }
  }
}
