package org.loadcast.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.loadcast.cli.Main;

/**
 * Runs {@code loadcast profile derive} in this JVM (started by {@link HugeLogBenchmarkTest} with a small
 * heap) and prints the elapsed time, the peak heap use (sampled every 20 ms, garbage included)
 * and each heap pool's own peak.
 */
public final class DeriveInChildJvm {
  private DeriveInChildJvm() {}

  /** Arguments: those of {@code profile derive}. */
  public static void main(String[] args) {
    long[] peakUsed = {0};
    Thread sampler = new Thread(() -> {
      while (true) {
        peakUsed[0] = Math.max(peakUsed[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    PrintWriter out = new PrintWriter(System.out, true);
    int code = Main.run(args, out, new PrintWriter(System.err, true));
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    StringBuilder pools = new StringBuilder();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pools.append(String.format(Locale.ROOT, "; %s peak %.1f MB", pool.getName(), pool.getPeakUsage().getUsed() / 1e6));
      }
    }
    out.printf(Locale.ROOT, "child: exit %d, %.1f s, peak heap used %.1f MB (sampled every 20 ms), max heap %.1f MB%s%n", code,
        seconds, peakUsed[0] / 1e6, Runtime.getRuntime().maxMemory() / 1e6, pools);
    System.exit(code);
  }
}
