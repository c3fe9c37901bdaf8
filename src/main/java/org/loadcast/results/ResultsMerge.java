package org.loadcast.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;

/**
 * The results of several injectors of one load test, added into the results of a single run.
 *
 * <p>Each injector ran its shard of one arrival schedule from one agreed start and wrote a results
 * directory: {@code per-second.csv}, {@code latency.hlog} and {@link InjectorInfo#FILE}. The merge
 * adds them second by second, the seconds counted from the agreed start:
 *
 * <ul>
 *   <li>started, completed and failed requests add up (the completions per status would too, but
 *       the results files do not hold them: {@link ResultFiles#read} gives none, so neither does
 *       the merge);
 *   <li>the mean concurrency adds up too: it is the integral of the requests in flight over the
 *       second, divided by the second, and the injectors' requests are disjoint, so the requests in
 *       flight at any instant, and with them the integral, are the sum of the injectors' (the
 *       integral is linear). It is added in the CSV's units of 0.0001, exactly;
 *   <li>the latency histograms add per request name with HdrHistogram's {@link Histogram#add},
 *       which adds the counts bucket by bucket; every injector records with the same buckets
 *       ({@link LoadTestRecorder#SIGNIFICANT_DIGITS}), so the sum is exactly the histogram one
 *       recorder would have kept of all the requests;
 *   <li>a second that only some injectors have (one ran longer) is kept, with what those have;
 *   <li>a second's phase is that of its last request started, as one recorder keeps it; the phases
 *       run in order (warm-up, probe, replay), so of the injectors that started requests in the
 *       second, the latest phase wins. Injectors disagree where a phase begins: one injector's first
 *       request of the next phase may be sent a few milliseconds early by its recorder's clock. The
 *       recorder carries the last phase into a second in which an injector started none, which says
 *       nothing about the load test, so a second where none started takes the merged phase of the
 *       second before it ({@link Phase#WARMUP} for second 0), as a single recorder would.
 * </ul>
 *
 * <p>The merge depends only on the inputs' contents: they are taken in the order of their injector
 * index, whatever order they were given in, and the output's start time is the agreed start.
 *
 * @param inputs the injectors' results, by injector index, 0 to {@code injectorCount - 1}
 * @param seconds the added seconds, from 0 to the last second any injector has
 */
public record ResultsMerge(List<Input> inputs, List<SecondResult> seconds) {
  /** The file that records what was merged, next to the merged results. */
  public static final String MERGE_FILE = "merge.json";
  /** The files every input directory holds, in the order they are checked and digested. */
  public static final List<String> INPUT_FILES = List.of(ResultFiles.PER_SECOND_FILE, ResultFiles.LATENCY_LOG_FILE,
      InjectorInfo.FILE);
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final double CONCURRENCY_UNITS = 10_000;

  /**
   * One injector's results as read.
   *
   * @param directory the results directory as the user named it
   * @param info its {@code injector.json}
   * @param sha256 the lower-case hex SHA-256 of each of {@link #INPUT_FILES}, by file name
   */
  public record Input(String directory, InjectorInfo info, SortedMap<String, String> sha256) {
    /** Copies the map. */
    public Input {
      sha256 = new TreeMap<>(sha256);
    }

    private String perSecondFile() {
      return Path.of(directory, ResultFiles.PER_SECOND_FILE).toString();
    }
  }

  /**
   * The merged totals.
   *
   * @param seconds seconds of the merged results
   * @param started requests sent by all injectors
   * @param completed requests completed, failures included
   * @param failed completions that failed
   * @param latencyCount latencies in the histograms: the successful requests
   * @param largestStartOffsetMillis the start offset of largest magnitude, in milliseconds, sign kept
   *     (negative: that injector started early)
   * @param largestStartOffsetInjector the injector index with that offset, the lowest on a tie
   */
  @com.fasterxml.jackson.annotation.JsonPropertyOrder({"seconds", "started", "completed", "failed", "latencyCount",
      "largestStartOffsetMillis", "largestStartOffsetInjector"})
  public record Totals(int seconds, long started, long completed, long failed, long latencyCount,
      long largestStartOffsetMillis, int largestStartOffsetInjector) {}

  /**
   * Validates and copies the merge.
   *
   * @throws IllegalArgumentException if {@code inputs} is empty
   */
  public ResultsMerge {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a merge needs at least one input");
    }
    inputs = List.copyOf(inputs);
    seconds = List.copyOf(seconds);
  }

  /**
   * Reads, checks and adds the results of every injector of one load test. The inputs are read one
   * at a time, so that besides the sums only one input's histograms are in memory.
   *
   * @param directories the injectors' results directories, in any order; at least one
   * @return the merge, its inputs in injector order
   * @throws InputException with one line naming the directory (or file and line) and the rule, at
   *     the first of these found, in this order: a directory lacks one of {@link #INPUT_FILES}; an
   *     {@code injector.json} is invalid ({@link InjectorInfo#read}); the inputs' {@code
   *     injectorCount} differ; an injector index is given twice, or one of 0 to {@code injectorCount
   *     - 1} is missing; the {@code scheduleSha256}, the {@code startEpochMillis} or the {@code
   *     replayFraction} differ; a results file is invalid ({@link ResultFiles#read})
   * @throws IllegalArgumentException if {@code directories} is empty
   * @throws UncheckedIOException if a file cannot be read
   */
  public static ResultsMerge of(List<Path> directories) {
    if (directories.isEmpty()) {
      throw new IllegalArgumentException("a merge needs at least one results directory");
    }
    directories.forEach(ResultsMerge::checkFiles);
    List<Path> byIndex = new ArrayList<>(directories);
    Map<Path, InjectorInfo> infos = new LinkedHashMap<>();
    directories.forEach(d -> infos.put(d, InjectorInfo.read(d)));
    byIndex.sort(Comparator.comparingInt((Path d) -> infos.get(d).injectorIndex()).thenComparing(Path::toString));
    checkAgreement(byIndex, infos);
    List<Input> inputs = new ArrayList<>();
    List<SecondSum> sums = new ArrayList<>();
    for (Path d : byIndex) {
      Input input = new Input(d.toString(), infos.get(d), digests(d));
      // one input's histograms in memory at a time, besides the sums
      List<SecondResult> seconds = ResultFiles.read(d);
      while (sums.size() < seconds.size()) {
        sums.add(new SecondSum(sums.size()));
      }
      seconds.forEach(r -> sums.get(r.second()).add(input, r));
      inputs.add(input);
    }
    List<SecondResult> merged = new ArrayList<>();
    Phase carried = Phase.WARMUP;
    for (SecondSum sum : sums) {
      merged.add(sum.result(carried));
      carried = merged.get(merged.size() - 1).phase();
    }
    return new ResultsMerge(inputs, merged);
  }

  /** Returns the agreed start of the load test: second 0 of the merged results, in epoch milliseconds. */
  public long startEpochMillis() {
    return inputs.get(0).info().startEpochMillis();
  }

  /** Returns the totals over every second and injector. */
  public Totals totals() {
    long latencies = 0;
    for (SecondResult s : seconds) {
      for (Histogram h : s.latencyMicros().values()) {
        latencies += h.getTotalCount();
      }
    }
    Input largest = inputs.get(0);
    for (Input i : inputs) {
      if (Math.abs(i.info().startOffsetMillis()) > Math.abs(largest.info().startOffsetMillis())) {
        largest = i;
      }
    }
    return new Totals(seconds.size(), seconds.stream().mapToLong(SecondResult::started).sum(),
        seconds.stream().mapToLong(SecondResult::completed).sum(), seconds.stream().mapToLong(SecondResult::failed).sum(),
        latencies, largest.info().startOffsetMillis(), largest.info().injectorIndex());
  }

  /**
   * Writes the merged results into a directory: {@code per-second.csv} and {@code latency.hlog} in
   * exactly the format of a single run ({@link ResultFiles#write}, its start time the agreed start),
   * so that {@link ResultFiles#read} and everything downstream take them as one run's; and {@link
   * #MERGE_FILE}. All three are rendered first, then each is written to a temporary file and moved
   * into place, so an error leaves no file half-written.
   *
   * @param directory the output directory; created if absent
   * @throws InputException if the directory is one of the inputs, or holds an {@code injector.json}
   *     (it would then pass for one injector's results)
   * @throws UncheckedIOException if a file cannot be written
   */
  public void write(Path directory) {
    for (Input i : inputs) {
      if (Path.of(i.directory()).toAbsolutePath().normalize().equals(directory.toAbsolutePath().normalize())) {
        throw new InputException(new InputProblem(directory.toString(), 0, 0,
            "the output directory must not be one of the inputs, but is the results of injector " + i.info().injectorIndex()));
      }
    }
    if (Files.exists(directory.resolve(InjectorInfo.FILE))) {
      throw new InputException(new InputProblem(directory.toString(), 0, 0, "the output directory must not hold an "
          + InjectorInfo.FILE + ", or the merge would pass for one injector's results, but it has one"));
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put(ResultFiles.PER_SECOND_FILE, ResultFiles.perSecondCsv(seconds));
    files.put(ResultFiles.LATENCY_LOG_FILE, ResultFiles.histogramLog(seconds, startEpochMillis()));
    files.put(MERGE_FILE, json());
    try {
      ResultFiles.writeAllAtomically(directory, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the text of {@link #MERGE_FILE}: the common identity of the load test, each input (its
   * injector index, directory as given, start offset and the SHA-256 of its files) in injector
   * order, and the {@link #totals}. Indented JSON ending with a newline; it holds no time of its own.
   */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    InjectorInfo first = inputs.get(0).info();
    root.put("formatVersion", 1);
    root.put("injectorCount", first.injectorCount());
    root.put("scheduleSha256", first.scheduleSha256());
    root.put("startEpochMillis", first.startEpochMillis());
    root.put("replayFraction", first.replayFraction());
    var array = root.putArray("inputs");
    for (Input i : inputs) {
      ObjectNode node = array.addObject();
      node.put("injectorIndex", i.info().injectorIndex());
      node.put("directory", i.directory());
      node.put("startOffsetMillis", i.info().startOffsetMillis());
      ObjectNode digests = node.putObject("sha256");
      i.sha256().forEach(digests::put);
    }
    root.set("totals", JSON.valueToTree(totals()));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Jackson cannot write a tree of numbers and strings", e);
    }
  }

  private static void checkFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new InputException(new InputProblem(directory.toString(), 0, 0, "no such directory: expected an injector's "
          + "results directory, holding " + String.join(", ", INPUT_FILES)));
    }
    for (String name : INPUT_FILES) {
      if (!Files.isRegularFile(directory.resolve(name))) {
        throw new InputException(new InputProblem(directory.resolve(name).toString(), 0, 0, "a results directory to merge "
            + "must hold " + String.join(", ", INPUT_FILES) + ", but '" + directory + "' has no " + name));
      }
    }
  }

  /** The inputs must be injectors 0 to N - 1 of one load test, each once: the same N, schedule and start. */
  private static void checkAgreement(List<Path> byIndex, Map<Path, InjectorInfo> infos) {
    Path reference = byIndex.get(0);
    InjectorInfo ref = infos.get(reference);
    for (Path d : byIndex) {
      InjectorInfo info = infos.get(d);
      same(d, reference, "injectorCount", info.injectorCount(), ref.injectorCount(), "all shards split one load test");
    }
    List<Integer> missing = new ArrayList<>();
    for (int index = 0, at = 0; index < ref.injectorCount(); index++) {
      if (at < byIndex.size() && infos.get(byIndex.get(at)).injectorIndex() == index) {
        if (at + 1 < byIndex.size() && infos.get(byIndex.get(at + 1)).injectorIndex() == index) {
          throw new InputException(new InputProblem(file(byIndex.get(at + 1)), 0, 0, "each injector's results must be "
              + "merged once, but injectorIndex " + index + " is both '" + byIndex.get(at) + "' and '"
              + byIndex.get(at + 1) + "'"));
        }
        at++;
      } else {
        missing.add(index);
      }
    }
    if (!missing.isEmpty()) {
      List<String> given = byIndex.stream().map(d -> infos.get(d).injectorIndex() + " in '" + d + "'").toList();
      throw new InputException(new InputProblem(file(reference), 0, 0, "injectorCount is " + ref.injectorCount()
          + ", so the inputs must be the results of injectors 0 to " + (ref.injectorCount() - 1) + ", each once, but "
          + (missing.size() == 1 ? "injector " + missing.get(0) + " is" : "injectors "
          + String.join(", ", missing.stream().map(String::valueOf).toList()) + " are")
          + " missing (given: " + String.join(", ", given) + ")"));
    }
    for (Path d : byIndex) {
      InjectorInfo info = infos.get(d);
      same(d, reference, "scheduleSha256", info.scheduleSha256(), ref.scheduleSha256(), "all shards split one schedule");
      same(d, reference, "startEpochMillis", info.startEpochMillis(), ref.startEpochMillis(),
          "all injectors count their seconds from one agreed start");
      same(d, reference, "replayFraction", info.replayFraction(), ref.replayFraction(),
          "all injectors thin the replay alike");
    }
  }

  private static void same(Path d, Path reference, String field, Object value, Object expected, String why) {
    if (!value.equals(expected)) {
      throw new InputException(new InputProblem(file(d), 0, 0, field + " must be the same in every input (" + why + "): "
          + expected + " as in " + file(reference) + ", but was " + value));
    }
  }

  private static String file(Path directory) {
    return directory.resolve(InjectorInfo.FILE).toString();
  }

  /**
   * One second of the merge while the inputs are added, in injector order: the running sums, and
   * the latest phase of the inputs that started requests in the second. Mutable,
   * local to one {@link #of} call, not thread-safe.
   */
  private static final class SecondSum {
    private final int second;
    private long started;
    private long completed;
    private long failed;
    private long concurrencyUnits;
    private final SortedMap<Integer, Long> statusCounts = new TreeMap<>();
    private final SortedMap<String, Histogram> latencyMicros = new TreeMap<>();
    private Phase phase;

    SecondSum(int second) {
      this.second = second;
    }

    /** Adds an input's second; the second's phase becomes the latest of those that started requests in it. */
    void add(Input input, SecondResult r) {
      if (r.started() > 0 && (phase == null || r.phase().compareTo(phase) > 0)) {
        phase = r.phase();
      }
      started += r.started();
      completed += r.completed();
      failed += r.failed();
      concurrencyUnits += Math.round(r.meanConcurrency() * CONCURRENCY_UNITS);
      r.statusCounts().forEach((status, n) -> statusCounts.merge(status, n, Long::sum));
      r.latencyMicros().forEach((name, h) -> latencyMicros.computeIfAbsent(name,
          k -> new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS)).add(h));
    }

    /** Returns the sum, its phase the latest one started, or {@code carried} when no input started requests in it. */
    SecondResult result(Phase carried) {
      return new SecondResult(second, phase == null ? carried : phase, started, completed, failed,
          concurrencyUnits / CONCURRENCY_UNITS, statusCounts, latencyMicros);
    }
  }

  /** Returns the SHA-256 of each input file, by name. */
  private static SortedMap<String, String> digests(Path directory) {
    SortedMap<String, String> digests = new TreeMap<>();
    try {
      for (String name : INPUT_FILES) {
        byte[] bytes = Files.readAllBytes(directory.resolve(name));
        digests.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    return digests;
  }
}
