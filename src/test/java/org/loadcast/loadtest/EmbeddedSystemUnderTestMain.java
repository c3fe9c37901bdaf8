package org.loadcast.loadtest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.loadcast.cli.Experiment;
import org.loadcast.cli.Experiments;
import org.loadcast.cli.InjectionSettings;
import org.loadcast.profile.InputException;

/**
 * Runs an experiment's embedded system under test as a process of its own, for {@code loadcast
 * inject}: several injector processes then share one target, as they would share a real service.
 *
 * <p>Usage: {@code java -cp ... org.loadcast.loadtest.EmbeddedSystemUnderTestMain EXPERIMENT.yaml}.
 * It prints {@link InjectionSettings#SYSTEM_UNDER_TEST_READY_PREFIX} and the URL on one line once it
 * serves on 127.0.0.1, and stops when its standard input closes (its parent ended it or exited).
 * Exit code 2 with one line per problem on a bad experiment.
 */
public final class EmbeddedSystemUnderTestMain {
  private EmbeddedSystemUnderTestMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: EmbeddedSystemUnderTestMain EXPERIMENT.yaml");
      System.exit(2);
    }
    Experiment experiment;
    try {
      experiment = Experiments.read(Path.of(args[0]));
    } catch (InputException e) {
      throw BadInput.exit(e.problems());
    }
    if (experiment.target().embedded() == null) {
      throw BadInput.exit(List.of(args[0] + ": target.embedded is required to run the embedded system under test"));
    }
    EmbeddedSystemUnderTest embedded = new EmbeddedSystemUnderTest(experiment.target().embedded(),
        experiment.profile().mix(), experiment.seed());
    String url = embedded.start();
    System.out.println(InjectionSettings.SYSTEM_UNDER_TEST_READY_PREFIX + url);
    System.out.flush();
    try {
      while (System.in.read() >= 0) {
        // until the parent closes the pipe
      }
    } finally {
      embedded.close();
    }
  }
}
