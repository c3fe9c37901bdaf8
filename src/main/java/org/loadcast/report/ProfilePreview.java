package org.loadcast.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.RequestTemplate;
import org.loadcast.profile.TimeRange;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.results.ResultFiles;

/**
 * Writes a one-page HTML preview of a traffic profile: its rate curve with the missing ranges, a
 * table of those ranges, and the request mix with each template's share of the weight.
 *
 * <p>Like the run report, the page comes from a Pebble template with auto-escaping on and embeds
 * uPlot from its webjar, so it opens offline; it is written to a temporary file and moved into
 * place. Stateless and thread-safe.
 */
public final class ProfilePreview {
  private ProfilePreview() {}

  /**
   * Writes the preview.
   *
   * @param profile the profile
   * @param file the HTML file to write; its directory is created if absent
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(TrafficProfile profile, Path file) {
    try {
      ResultFiles.writeAtomically(file, html(profile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the preview's HTML.
   *
   * @param profile the profile
   * @return a complete, self-contained HTML document
   * @throws IOException if the template or uPlot cannot be read from the classpath
   */
  public static String html(TrafficProfile profile) throws IOException {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("profile", profile);
    context.put("view", View.of(profile));
    context.put("chartData", ReportWriter.scriptJson(CurveData.of(profile)));
    context.put("uplotJs", ReportWriter.resource(ReportWriter.UPLOT + "uPlot.iife.min.js"));
    context.put("uplotCss", ReportWriter.resource(ReportWriter.UPLOT + "uPlot.min.css"));
    StringWriter out = new StringWriter();
    ReportWriter.PEBBLE.getTemplate("profile.peb").evaluate(out, context, Locale.ROOT);
    return out.toString();
  }

  /** The page's text: a summary, the missing ranges and the mix, formatted with {@link Locale#ROOT}. */
  record View(String from, String to, String points, String interpolation, String expectedRequests, String peakPerSecond,
      String missingTotal, List<MissingRow> missing, List<MixRow> mix) {

    static View of(TrafficProfile profile) {
      RateCurve rate = profile.rate();
      double start = rate.startSeconds();
      double end = rate.endSeconds();
      List<MissingRow> missing = new ArrayList<>();
      for (TimeRange range : rate.missing()) {
        missing.add(new MissingRow(wallClock(profile, range.fromSeconds()), wallClock(profile, range.toSeconds()),
            String.format(Locale.ROOT, "%.0f", range.durationSeconds())));
      }
      List<MixRow> mix = new ArrayList<>();
      double total = profile.mix().totalWeight();
      for (RequestTemplate t : profile.mix().requests()) {
        mix.add(new MixRow(t.name(), t.method(), t.path(), String.format(Locale.ROOT, "%.1f", 100 * t.weight() / total)));
      }
      return new View(wallClock(profile, start), wallClock(profile, end), Integer.toString(rate.pointCount()),
          rate.interpolation().yamlName(), String.format(Locale.ROOT, "%.0f", rate.integral(start, end)),
          String.format(Locale.ROOT, "%.3f", rate.peakRatePerSecond(start, end)),
          String.format(Locale.ROOT, "%.0f s (%.1f %%)", rate.missingSeconds(start, end), 100 * rate.missingSeconds(start, end) / (end - start)),
          missing, mix);
    }

    private static String wallClock(TrafficProfile profile, double atSeconds) {
      return profile.wallClock(atSeconds).toOffsetDateTime().toString();
    }
  }

  /** One missing range: wall-clock bounds and length in seconds. */
  record MissingRow(String from, String to, String durationSeconds) {}

  /** One request template and its share of the mix's weight, in percent. */
  record MixRow(String name, String method, String path, String sharePercent) {}

  /**
   * The chart's data: epoch seconds of each point, the observed rate (null inside missing ranges)
   * and the bridged rate inside them (null elsewhere), in requests per second.
   */
  record CurveData(String timezone, long[] time, Double[] ratePerSecond, Double[] missingBridgedPerSecond) {

    static CurveData of(TrafficProfile profile) {
      RateCurve rate = profile.rate();
      RateCurve bridged = rate.bridgedOverMissing();
      int n = rate.pointCount();
      long[] time = new long[n];
      Double[] observed = new Double[n];
      Double[] unknown = new Double[n];
      long epochStart = profile.startTime().toEpochSecond();
      for (int i = 0; i < n; i++) {
        double at = rate.atSeconds(i);
        time[i] = epochStart + Math.round(at);
        boolean missing = rate.isMissing(at) || (i > 0 && rate.isMissing(rate.atSeconds(i - 1)));
        observed[i] = rate.isMissing(at) ? null : rate.ratePerSecond(i);
        unknown[i] = missing ? bridged.ratePerSecond(i) : null;
      }
      return new CurveData(profile.timezone().getId(), time, observed, unknown);
    }
  }
}
