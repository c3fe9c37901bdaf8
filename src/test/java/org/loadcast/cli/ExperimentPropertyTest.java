package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.loadcast.profile.InputException;
import org.loadcast.profile.YamlFile;

/**
 * Properties of the experiment reader under random edits of valid experiments: it never fails with
 * anything but located problems, and a document it accepts keeps every value it writes.
 *
 * <p>Together the properties try 2,800 documents.
 */
class ExperimentPropertyTest {
  private static final Path SEEDS = Path.of("src/test/resources/property-seeds");
  private static Path folder;

  @BeforeContainer
  static void createFolder() throws IOException {
    folder = Files.createTempDirectory("experiment-property");
    for (String profile : List.of("tiny-profile.yaml", "small-model.yaml")) {
      Files.copy(SEEDS.resolve(profile), folder.resolve(profile));
    }
  }

  @AfterContainer
  static void deleteFolder() throws IOException {
    YamlMutation.deleteTree(folder);
  }

  @Provide
  Arbitrary<String> seeds() {
    return Arbitraries.of(SEEDS.resolve("tiny-experiment.yaml"), SEEDS.resolve("rich-experiment.yaml"))
        .map(YamlProfilePropertyTest::read);
  }

  @Provide
  Arbitrary<YamlMutation> mutations() {
    return YamlMutation.mutations();
  }

  private static Path write(String text) {
    return YamlMutation.write(folder, "experiment", text);
  }

  @Property(tries = 2500, seed = "20261130")
  void mutatedExperiment_isReadWhole_orRefusedWithLocatedLines(@ForAll("seeds") String seed, @ForAll("mutations") YamlMutation mutation) {
    String text = mutation.apply(seed);
    Path file = write(text);
    try {
      Experiments.read(file);
    } catch (InputException e) {
      // a problem may lie in the profile the experiment names: it is located in that file
      YamlMutation.assertLocated(e, text, file.toString(), folder.resolve("tiny-profile.yaml").toString(),
          folder.resolve("small-model.yaml").toString());
      return;
    }
    YamlMutation.assertNothingDropped(text, YamlFile.read(file, ExperimentDocument.class).value());
  }

  @Provide
  Arbitrary<String> unknownKeys() {
    return YamlMutation.unknownKeys();
  }

  @Property(tries = 300, seed = "20261130")
  void unknownKey_isReported_notIgnored(@ForAll("seeds") String seed, @ForAll("unknownKeys") String key,
      @ForAll @IntRange(min = 0, max = 1000) int at) {
    String text = YamlMutation.withKeyBeside(seed, key, at);
    Path file = write(text);
    try {
      Experiments.read(file);
      throw new AssertionError("the unknown key '" + key + "' was ignored in\n" + text);
    } catch (InputException e) {
      YamlMutation.assertLocated(e, text, file.toString());
      assertThat(e.getMessage()).as(text).contains(key);
    }
  }
}
