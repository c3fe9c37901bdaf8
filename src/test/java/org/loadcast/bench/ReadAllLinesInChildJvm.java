package org.loadcast.bench;

import java.nio.file.Path;
import org.loadcast.profile.TrafficSources;

/**
 * Reads a whole access log into memory with {@link TrafficSources#readAccessLog}, the reader for small
 * logs that keeps every entry: run by {@link DeriveInTightHeapIT} in the same small heap as the
 * streaming derivation, to show that the heap is far too small to hold the log's lines.
 */
public final class ReadAllLinesInChildJvm {
  private ReadAllLinesInChildJvm() {}

  /** Argument: the log. Prints the number of entries held. */
  public static void main(String[] args) {
    System.out.println("held " + TrafficSources.readAccessLog(Path.of(args[0])).entries().size() + " entries");
  }
}
