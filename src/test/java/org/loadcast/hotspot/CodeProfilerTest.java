package org.loadcast.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.TestProperties;

class CodeProfilerTest {
  private static final String HOT = HotColdWorkload.class.getName() + ".hotLoop";
  private static final CodeProfiler.EmbeddedThreads WORKLOAD = new CodeProfiler.EmbeddedThreads(
      "the test workload", HotColdWorkload.THREAD_NAME, HotColdWorkload.THREAD_NAME::equals);

  private static ProfilingSettings settings(String... keyValues) {
    return ProfilingSettings.of(TestProperties.of(keyValues));
  }

  @Test
  void embedded_inProcess_ranksTheSystemsThreadsOnly() throws Exception {
    Instant start = Instant.now();
    try (CodeProfiler profiler = CodeProfiler.start(settings("profile.top", "3"), WORKLOAD, start)) {
      HotColdWorkload.run(2500);
      CodeProfiler.Result result = profiler.finish(Instant.now());
      assertThat(result.note()).isEmpty();
      CodeHotspots code = result.code();
      assertThat(code.source()).isEqualTo("The test workload, sampled in-process by JDK Flight Recorder every 10 ms, its "
          + "request threads " + HotColdWorkload.THREAD_NAME);
      // 2.5 s of one thread at 10 ms: up to 250 samples
      assertThat(code.methods().samples()).isGreaterThanOrEqualTo(40);
      assertThat(code.methods().bySelf()).hasSizeLessThanOrEqualTo(3);
      assertThat(code.methods().bySelf().get(0).method()).isEqualTo(HOT);
      assertThat(code.methods().bySelf().get(0).sharePercent()).isCloseTo(80, within(10.0));
      // only the workload's thread: every stack starts at its Thread.run
      assertThat(code.foldedStacks()).isNotEmpty().allMatch(line -> line.startsWith("java.lang.Thread.run;"));
      assertThat(code.foldedStacks().stream().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum())
          .isEqualTo(code.methods().samples());
    }
  }

  @Test
  void off_orExternalWithoutSource_profilesNothingAndSaysWhy() throws Exception {
    assertThat(CodeProfiler.start(settings("profile", "false"), WORKLOAD, Instant.now()).finish(Instant.now()))
        .isEqualTo(new CodeProfiler.Result(null, "profiling is off (-Dprofile=false)"));
    assertThat(CodeProfiler.start(settings(), null, Instant.now()).finish(Instant.now()).note())
        .isEqualTo("the target is external; name its JDK Flight Recorder repository with -Dprofile.jfr.repository=DIR "
            + "or its recording with -Dprofile.jfr=FILE");
  }

  @Test
  void recording_missingOrNotJfr_saysSoInTheNote(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("app.jfr");
    CodeProfiler.Result result = CodeProfiler.start(settings("profile.jfr", missing.toString()), null, Instant.now())
        .finish(Instant.now());
    assertThat(result.code()).isNull();
    assertThat(result.note()).startsWith(missing + " did not exist when the load test ended: dump the recording before then");
    Files.writeString(missing, "not a recording");
    result = CodeProfiler.start(settings("profile.jfr", missing.toString()), null, Instant.now()).finish(Instant.now());
    assertThat(result.code()).isNull();
    assertThat(result.note()).startsWith(missing + " could not be read as a JDK Flight Recorder recording: ");
  }

  @Test
  void recording_keepsTheLoadTestsWindowOnly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("app.jfr");
    Instant from;
    Instant to;
    try (Recording recording = new Recording()) {
      recording.enable(JfrHotMethods.EXECUTION_SAMPLE).withPeriod(Duration.ofMillis(10)).withStackTrace();
      recording.start();
      HotColdWorkload.run(1500);
      from = Instant.now();
      HotColdWorkload.run(1500);
      to = Instant.now();
      HotColdWorkload.run(1500);
      recording.stop();
      recording.dump(file);
    }
    ProfilingSettings settings = settings("profile.jfr", file.toString(), "profile.threads", HotColdWorkload.THREAD_NAME);
    CodeHotspots window = CodeProfiler.start(settings, null, from).finish(to).code();
    CodeHotspots all = CodeHotspots.of("all", JfrHotMethods.readFile(file, HotColdWorkload.THREAD_NAME::equals, m -> true), 5, 90);
    assertThat(window.source()).isEqualTo("JDK Flight Recorder recording " + file + ", the samples taken while the load "
        + "test ran, threads matching " + HotColdWorkload.THREAD_NAME);
    assertThat(window.methods().bySelf().get(0).method()).isEqualTo(HOT);
    // a third of the work was in the window
    assertThat((double) window.methods().samples() / all.methods().samples()).isCloseTo(1.0 / 3, within(0.12));
  }

  @Test
  void check_repositoryThatIsNot_isRefusedBeforeTheLoadTest(@TempDir Path dir) {
    assertThatThrownBy(() -> CodeProfiler.check(settings("profile.jfr.repository", dir.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("profile.jfr.repository: " + dir + " holds no JFR chunk file");
    // off: nothing is checked
    CodeProfiler.check(settings("profile", "false", "profile.jfr.repository", dir.toString()));
  }
}
