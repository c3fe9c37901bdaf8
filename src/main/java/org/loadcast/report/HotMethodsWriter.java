package org.loadcast.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loadcast.hotspot.CodeHotspots;
import org.loadcast.hotspot.FlameGraphPage;
import org.loadcast.hotspot.HotspotReport;
import org.loadcast.results.ResultFiles;

/**
 * Writes the files of {@code loadcast hotspots}: {@code index.html} (the hot-methods tables, the same
 * fragment as the run report's), {@code flamegraph.html} when there are samples, and {@code
 * hot-methods.csv}, one row per sampled method: {@code method}, {@code selfSamples}, {@code
 * selfPercent}, {@code totalSamples}, {@code totalPercent}, by self samples then total samples. Every
 * file is rendered in memory, then written to a temporary file and moved into place. Stateless.
 */
public final class HotMethodsWriter {
  private HotMethodsWriter() {}

  /**
   * Writes the hot methods of a recording into a directory, creating it.
   *
   * @param code the ranked methods and their folded stacks
   * @param recording the recording's name, for the page's title
   * @param window which samples were kept, in words, for the page
   * @param metadata the command line, version and input digest, for the page
   * @param directory the output directory
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void write(CodeHotspots code, String recording, String window, RunMetadata metadata, Path directory) {
    try {
      Map<String, String> files = new LinkedHashMap<>();
      files.put("hot-methods.csv", csv(code));
      String flameGraph = code.methods().samples() > 0 ? HotspotReport.FLAME_GRAPH_FILE : null;
      if (flameGraph != null) {
        files.put(flameGraph, FlameGraphPage.render(code.foldedStacks(), "Flame graph: " + recording));
      }
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("code", code);
      context.put("recording", recording);
      context.put("window", window);
      context.put("metadata", metadata);
      context.put("flameGraphFile", flameGraph);
      files.put("index.html", ReportWriter.render("hot-methods-page.peb", context));
      ResultFiles.writeAllAtomically(directory, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns {@code hot-methods.csv}: every sampled method, counted from the folded stacks (self: the
   * top frame; total: anywhere on the stack, once per sample), by self then total samples, then name.
   */
  static String csv(CodeHotspots code) {
    Map<String, long[]> counts = new java.util.HashMap<>();
    long samples = 0;
    for (String line : code.foldedStacks()) {
      int space = line.lastIndexOf(' ');
      long n = Long.parseLong(line.substring(space + 1));
      String[] frames = line.substring(0, space).split(";");
      samples += n;
      counts.computeIfAbsent(frames[frames.length - 1], k -> new long[2])[0] += n;
      for (String method : new java.util.LinkedHashSet<>(java.util.Arrays.asList(frames))) {
        counts.computeIfAbsent(method, k -> new long[2])[1] += n;
      }
    }
    java.util.List<Map.Entry<String, long[]>> rows = new java.util.ArrayList<>(counts.entrySet());
    rows.sort(java.util.Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
        .thenComparingLong(e -> -e.getValue()[1]).thenComparing(Map.Entry::getKey));
    SeriesExport.Table table = new SeriesExport.Table("method", "selfSamples", "selfPercent", "totalSamples", "totalPercent");
    for (Map.Entry<String, long[]> row : rows) {
      long[] n = row.getValue();
      table.row(row.getKey(), n[0], SeriesExport.fixed(100.0 * n[0] / samples, 2), n[1], SeriesExport.fixed(100.0 * n[1] / samples, 2));
    }
    return table.csv();
  }
}
