package org.loadcast.hotspot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Counts JDK Flight Recorder execution samples ({@code jdk.ExecutionSample}) per method, for hot
 * methods and folded stacks.
 *
 * <p>Fed from a recording file ({@link #readFile}) or in-process from a {@code RecordingStream}
 * ({@link JfrSampler}); both go through {@link #accept}. A thread filter selects samples by the
 * sampled thread's Java name, e.g. the embedded system under test's workers inside the Gatling
 * JVM. A frame filter keeps a sample only when some frame of its stack matches, as async-profiler's
 * {@code --include} does. A method is named {@code fully.qualified.Type.name}.
 *
 * <p>Mutable; thread-safe (every method is synchronized), so a stream's thread may feed it while
 * another reads it.
 */
public final class JfrHotMethods {

  /** The JFR event this reads. */
  public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

  private final Predicate<String> threadFilter;
  private final Predicate<String> frameFilter;
  private final Map<String, Long> self = new HashMap<>();
  private final Map<String, Long> total = new HashMap<>();
  private final SortedMap<String, Long> folded = new TreeMap<>();
  private long samples;

  /**
   * Creates an empty count.
   *
   * @param threadFilter which sampled threads to keep, by Java thread name ({@code ""} when JFR
   *     gives none)
   * @param frameFilter a sample is kept when at least one of its frames' method names matches
   */
  public JfrHotMethods(Predicate<String> threadFilter, Predicate<String> frameFilter) {
    this.threadFilter = threadFilter;
    this.frameFilter = frameFilter;
  }

  /** Creates an empty count that keeps every sample. */
  public static JfrHotMethods everySample() {
    return new JfrHotMethods(name -> true, method -> true);
  }

  /**
   * Reads the execution samples of a JFR recording file, e.g. one written with {@code
   * -XX:StartFlightRecording:filename=app.jfr} or {@code jcmd PID JFR.dump}.
   *
   * @param file the recording
   * @param threadFilter which sampled threads to keep, by name
   * @param frameFilter which stacks to keep, by any frame's method name
   * @return the counts of the file's samples; empty when it has none
   * @throws IOException if the file cannot be read or is not a JFR recording
   */
  public static JfrHotMethods readFile(Path file, Predicate<String> threadFilter, Predicate<String> frameFilter)
      throws IOException {
    return readFile(file, threadFilter, frameFilter, null, null);
  }

  /**
   * Reads the execution samples of a JFR recording file taken within a time window, e.g. while a
   * load test ran; the entry {@code -Dprofile.jfr=FILE} calls.
   *
   * @param file the recording
   * @param threadFilter which sampled threads to keep, by name
   * @param frameFilter which stacks to keep, by any frame's method name
   * @param from the earliest sample time kept, inclusive; null for no bound
   * @param to the latest sample time kept, exclusive; null for no bound
   * @return the counts of the window's samples; empty when it has none
   * @throws IOException if the file cannot be read or is not a JFR recording
   */
  public static JfrHotMethods readFile(Path file, Predicate<String> threadFilter, Predicate<String> frameFilter,
      Instant from, Instant to) throws IOException {
    JfrHotMethods counts = new JfrHotMethods(threadFilter, frameFilter);
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        Instant at = event.getStartTime();
        if ((from == null || !at.isBefore(from)) && (to == null || at.isBefore(to))) {
          counts.accept(event);
        }
      }
    }
    return counts;
  }

  /**
   * Counts one event if it is an execution sample with a stack that passes the filters; ignores
   * any other event.
   *
   * @param event a JFR event
   */
  public synchronized void accept(RecordedEvent event) {
    if (!event.getEventType().getName().equals(EXECUTION_SAMPLE) || !event.hasField("sampledThread")) {
      return;
    }
    RecordedThread thread = event.getThread("sampledThread");
    String threadName = thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
    RecordedStackTrace stack = event.getStackTrace();
    if (stack == null || stack.getFrames().isEmpty() || !threadFilter.test(threadName)) {
      return;
    }
    List<String> topFirst = new ArrayList<>();
    for (RecordedFrame frame : stack.getFrames()) {
      topFirst.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
    }
    addStack(topFirst);
  }

  /**
   * Counts one sampled stack if some frame passes the frame filter.
   *
   * @param methodsTopFirst the stack's methods, the running one first, at least one
   * @throws IllegalArgumentException if the stack is empty
   */
  public synchronized void addStack(List<String> methodsTopFirst) {
    if (methodsTopFirst.isEmpty()) {
      throw new IllegalArgumentException("methodsTopFirst must not be empty");
    }
    if (methodsTopFirst.stream().noneMatch(frameFilter)) {
      return;
    }
    samples++;
    self.merge(methodsTopFirst.get(0), 1L, Long::sum);
    Set<String> once = new LinkedHashSet<>(methodsTopFirst);
    once.forEach(m -> total.merge(m, 1L, Long::sum));
    List<String> rootFirst = new ArrayList<>(methodsTopFirst);
    Collections.reverse(rootFirst);
    folded.merge(String.join(";", rootFirst), 1L, Long::sum);
  }

  /** Returns the samples kept so far. */
  public synchronized long samples() {
    return samples;
  }

  /**
   * Ranks the methods counted so far.
   *
   * @param topN how many rows each list keeps, {@code >= 1}
   * @param paretoThresholdPercent the share the Pareto line must reach, in (0, 100]
   * @return the ranking; empty lists and {@code 0 of 0} when no sample was kept
   * @throws IllegalArgumentException if {@code topN < 1} or the threshold is outside (0, 100]
   */
  public synchronized MethodRanking ranking(int topN, double paretoThresholdPercent) {
    if (topN < 1) {
      throw new IllegalArgumentException("topN must be >= 1, but was " + topN);
    }
    List<MethodHotspot> bySelf = ranked(self);
    List<Double> weights = bySelf.stream().map(m -> (double) m.samples()).toList();
    ParetoLine pareto = ParetoLine.of(weights, paretoThresholdPercent);
    List<MethodHotspot> byTotal = ranked(total);
    return new MethodRanking(samples, bySelf.subList(0, Math.min(topN, bySelf.size())),
        byTotal.subList(0, Math.min(topN, byTotal.size())), pareto);
  }

  /**
   * Returns the folded stacks, the input format of Brendan Gregg's {@code flamegraph.pl} and of
   * async-profiler's converter: one line per distinct stack, {@code root;...;top count}.
   *
   * @return the lines in stack order; empty when no sample was kept
   */
  public synchronized List<String> foldedStacks() {
    List<String> lines = new ArrayList<>();
    folded.forEach((stack, count) -> lines.add(stack + " " + count));
    return lines;
  }

  private List<MethodHotspot> ranked(Map<String, Long> counts) {
    List<MethodHotspot> rows = new ArrayList<>();
    counts.forEach((method, n) -> rows.add(new MethodHotspot(method, n, 100.0 * n / samples)));
    rows.sort(Comparator.comparingLong(MethodHotspot::samples).reversed().thenComparing(MethodHotspot::method));
    return rows;
  }
}
