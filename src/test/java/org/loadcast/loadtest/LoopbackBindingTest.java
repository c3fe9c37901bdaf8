package org.loadcast.loadtest;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.loadcast.Loopback;
import org.loadcast.cli.Experiment;
import org.loadcast.cli.Experiments;
import org.loadcast.dashboard.DashboardRun;
import org.loadcast.dashboard.DashboardSettings;
import org.loadcast.dashboard.LiveDashboard;
import org.loadcast.dashboard.LiveFeed;
import org.loadcast.dashboard.SystemUnderTestSample;
import org.loadcast.results.LoadTestRecorder;

/**
 * The servers a load test starts listen on loopback by default: the live dashboard with no
 * {@code dashboard.host}, and the embedded system under test. A connection to the machine's other
 * address is refused ({@link Loopback}).
 */
class LoopbackBindingTest {

  @Test
  void liveDashboard_defaultSettings_listensOnLoopbackOnly() throws Exception {
    LoadTestRecorder recorder = new LoadTestRecorder(System::nanoTime);
    LiveFeed feed = new LiveFeed(recorder, s -> 10.0, () -> new SystemUnderTestSample(0, 1));
    try (LiveDashboard dashboard = LiveDashboard.start(DashboardSettings.of(new Properties()), feed,
        new DashboardRun("loopback", "loopback-1", "synthetic"))) {
      Loopback.assertOnlyLoopback(dashboard.url().toString());
    }
  }

  @Test
  void embeddedSystemUnderTest_listensOnLoopbackOnly() throws Exception {
    Experiment experiment = Experiments.read(Path.of("simulations/smoke.yaml"));
    EmbeddedSystemUnderTest embedded = new EmbeddedSystemUnderTest(experiment.target().embedded(),
        experiment.profile().mix(), experiment.seed());
    try {
      Loopback.assertOnlyLoopback(embedded.start());
    } finally {
      embedded.close();
    }
  }
}
