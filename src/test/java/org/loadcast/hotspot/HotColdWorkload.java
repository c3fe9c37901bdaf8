package org.loadcast.hotspot;

/**
 * A thread that spends about 80 % of its CPU in {@link #hotLoop} and 20 % in {@link #coldLoop}:
 * both run the same xorshift arithmetic, four times as many rounds in the hot one, so the split
 * holds however the scheduler shares the cores.
 */
public final class HotColdWorkload {

  public static final String THREAD_NAME = "hotspot-test-workload";
  private static final int COLD_ROUNDS = 50_000;
  static volatile long sink;

  private HotColdWorkload() {}

  /**
   * Runs the workload in a JVM of its own, for the repository-streaming test: {@code args[0]}
   * milliseconds of work, then prints {@code done} and stays alive for {@code args[1]} milliseconds,
   * so that its JFR repository can still be read.
   */
  public static void main(String[] args) throws InterruptedException {
    run(Long.parseLong(args[0]));
    System.out.println("done");
    System.out.flush();
    Thread.sleep(Long.parseLong(args[1]));
  }

  /**
   * Runs the workload for about {@code millis} while JDK Flight Recorder samples this JVM every
   * 10 ms, and writes the recording.
   *
   * @param file where the recording goes
   * @param millis the workload's wall time
   */
  public static void record(java.nio.file.Path file, long millis) throws InterruptedException, java.io.IOException {
    try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
      recording.enable(JfrHotMethods.EXECUTION_SAMPLE).withPeriod(java.time.Duration.ofMillis(10)).withStackTrace();
      recording.start();
      run(millis);
      recording.stop();
      recording.dump(file);
    }
  }

  /** Runs the workload on a new thread for about {@code millis} of wall time, and waits for it. */
  public static void run(long millis) throws InterruptedException {
    Thread thread = new Thread(() -> {
      long end = System.nanoTime() + millis * 1_000_000;
      long x = 88172645463325252L;
      while (System.nanoTime() < end) {
        x = hotLoop(x, 4 * COLD_ROUNDS);
        x = coldLoop(x, COLD_ROUNDS);
      }
      sink = x;
    }, THREAD_NAME);
    thread.start();
    thread.join();
  }

  static long hotLoop(long seed, int rounds) {
    long x = seed;
    for (int i = 0; i < rounds; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
    }
    return x;
  }

  static long coldLoop(long seed, int rounds) {
    long x = seed;
    for (int i = 0; i < rounds; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
    }
    return x;
  }
}
