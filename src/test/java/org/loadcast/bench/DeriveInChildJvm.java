package org.loadcast.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.loadcast.cli.Main;

/**
 * Runs {@code loadcast profile derive} in this JVM (started by {@link HugeLogBenchmark} with a small
 * heap) and prints the elapsed time and the peak heap use: the sum of each heap pool's peak, an
 * upper bound on the peak of their sum.
 */
public final class DeriveInChildJvm {
  private DeriveInChildJvm() {}

  /** Arguments: those of {@code profile derive}. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    PrintWriter out = new PrintWriter(System.out, true);
    int code = Main.run(args, out, new PrintWriter(System.err, true));
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    StringBuilder pools = new StringBuilder();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
        pools.append(String.format(Locale.ROOT, "; %s peak %.1f MB", pool.getName(), pool.getPeakUsage().getUsed() / 1e6));
      }
    }
    out.printf(Locale.ROOT, "child: exit %d, %.1f s, peak heap %.1f MB (sum of pool peaks), max heap %.1f MB%s%n", code, seconds,
        peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6, pools);
    System.exit(code);
  }
}
