package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** An experiment of {@code simulations/} copied into a test's directory, changed. */
final class ExperimentCopy {
  private ExperimentCopy() {}

  /**
   * Copies an experiment as {@code experiment.yaml}, with its profile path ({@code profile: ../x}) made
   * absolute so that it still resolves, and its text changed.
   *
   * @param experiment the experiment, such as {@code simulations/smoke.yaml}
   * @param dir the test's directory
   * @param change the change; it must change something
   * @return the copy
   */
  static Path of(String experiment, Path dir, UnaryOperator<String> change) throws IOException {
    String text = Files.readString(Path.of(experiment));
    java.util.regex.Matcher profile = java.util.regex.Pattern.compile("profile: \\.\\./(\\S+)").matcher(text);
    assertThat(profile.find()).as("the profile line of " + experiment).isTrue();
    text = text.replace(profile.group(), "profile: " + Path.of(profile.group(1)).toAbsolutePath());
    String changed = change.apply(text);
    assertThat(changed).isNotEqualTo(text);
    return Files.writeString(dir.resolve("experiment.yaml"), changed);
  }
}
