package org.loadcast.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loadcast.profile.CalendarEvent;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.RequestTemplate;
import org.loadcast.profile.SessionModel;
import org.loadcast.profile.ThinkTime;
import org.loadcast.profile.TimeRange;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.results.ResultFiles;

/**
 * Writes a one-page HTML preview of a traffic profile: its rate curve with the missing ranges and
 * the calendar events as shaded bands, tables of those ranges and events, the request mix with each
 * template's share of the requests, and for a mix with sessions the session model: initial
 * probabilities, the transition table with think times, and the expected requests per session.
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
    return ReportWriter.renderChartPage("profile.peb", context, CurveData.of(profile));
  }

  /**
   * The page's text: a summary, the missing ranges, the events, the mix and the session model,
   * formatted with {@link Locale#ROOT}.
   */
  record View(String from, String to, String points, String interpolation, String expectedArrivals, String expectedRequests,
      String peakPerSecond,
      String missingTotal, List<MissingRow> missing, List<EventRow> events, String shareKind, List<MixRow> mix,
      SessionView sessions) {

    static View of(TrafficProfile profile) {
      RateCurve rate = profile.rate();
      double start = rate.startSeconds();
      double end = rate.endSeconds();
      List<MissingRow> missing = new ArrayList<>();
      for (TimeRange range : rate.missing()) {
        missing.add(new MissingRow(wallClock(profile, range.fromSeconds()), wallClock(profile, range.toSeconds()),
            String.format(Locale.ROOT, "%.0f", range.durationSeconds())));
      }
      List<EventRow> events = new ArrayList<>();
      for (CalendarEvent event : profile.events().events()) {
        events.add(new EventRow(event.name(), event.kind().yamlName(), wallClock(profile, event.fromSeconds()),
            wallClock(profile, event.toSeconds()), duration(event.toSeconds() - event.fromSeconds()), describe(event.effect())));
      }
      List<MixRow> mix = new ArrayList<>();
      Map<String, Double> shares = profile.mix().requestShares();
      for (RequestTemplate t : profile.mix().requests()) {
        mix.add(new MixRow(t.name(), t.method(), t.path(), String.format(Locale.ROOT, "%.1f", 100 * shares.get(t.name()))));
      }
      boolean weighted = profile.mix().requests().stream().allMatch(t -> t.weight() != null);
      SessionModel model = profile.mix().sessions();
      return new View(wallClock(profile, start), wallClock(profile, end), Integer.toString(rate.pointCount()),
          rate.interpolation().yamlName(), String.format(Locale.ROOT, "%.0f", rate.integral(start, end)),
          String.format(Locale.ROOT, "%.0f", rate.integral(start, end) * profile.mix().requestsPerArrival()),
          String.format(Locale.ROOT, "%.3f", rate.peakRatePerSecond(start, end)),
          String.format(Locale.ROOT, "%.0f s (%.1f %%)", rate.missingSeconds(start, end), 100 * rate.missingSeconds(start, end) / (end - start)),
          missing, events, weighted ? "weight share %" : "visit share %", mix, model == null ? null : SessionView.of(model));
    }

    private static String wallClock(TrafficProfile profile, double atSeconds) {
      return profile.wallClock(atSeconds).toOffsetDateTime().toString();
    }
  }

  /** Returns a length for people: seconds, minutes, hours or days, such as "15 min" or "1 d". */
  static String duration(double seconds) {
    if (seconds < 120) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 2 * 3600) {
      return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
    if (seconds < 2 * 86400) {
      return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
    return String.format(Locale.ROOT, "%.1f d", seconds / 86400);
  }

  /** Returns an event's effect for people, such as "rate × 3" or "rate fixed at 0 per second". */
  static String describe(CalendarEvent.Effect effect) {
    if (effect instanceof CalendarEvent.Multiplier m) {
      return String.format(Locale.ROOT, "rate × %s", number(m.factor()));
    }
    return String.format(Locale.ROOT, "rate fixed at %s per second", number(((CalendarEvent.AbsoluteRate) effect).ratePerSecond()));
  }

  /** Returns a think time for people, such as "exponential, mean 20 s"; "none" for null. */
  static String describe(ThinkTime think) {
    if (think == null) {
      return "none";
    }
    if (think instanceof ThinkTime.Exponential e) {
      return "exponential, mean " + number(e.meanSeconds()) + " s";
    }
    if (think instanceof ThinkTime.LogNormal l) {
      return String.format(Locale.ROOT, "log-normal, median %s s, σ %.2f (mean %.1f s)", number(l.medianSeconds()), l.sigma(),
          l.meanSeconds());
    }
    if (think instanceof ThinkTime.Constant c) {
      return "constant " + number(c.seconds()) + " s";
    }
    ThinkTime.Empirical q = (ThinkTime.Empirical) think;
    return String.format(Locale.ROOT, "empirical, %d quantiles from %s to %s s (mean %.1f s)", q.quantileSeconds().size(),
        number(q.quantileSeconds().get(0)), number(q.quantileSeconds().get(q.quantileSeconds().size() - 1)), q.meanSeconds());
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", value)).stripTrailingZeros().toPlainString();
  }

  /** One calendar event: name, kind, wall-clock bounds, length and effect. */
  record EventRow(String name, String kind, String from, String to, String duration, String effect) {}

  /**
   * The session model for people.
   *
   * @param requestsPerSession expected requests per session
   * @param thinkSecondsPerSession expected think time per session, in seconds
   * @param initial start states with their probability in percent, in model order
   * @param transitions every step of every row, in model order
   */
  record SessionView(String requestsPerSession, String thinkSecondsPerSession, List<InitialRow> initial,
      List<TransitionRow> transitions) {

    static SessionView of(SessionModel model) {
      List<InitialRow> initial = new ArrayList<>();
      model.initial().forEach((state, p) -> initial.add(new InitialRow(state, percent(p))));
      List<TransitionRow> transitions = new ArrayList<>();
      Map<String, Double> visits = model.expectedVisits();
      model.transitions().forEach((from, row) -> {
        boolean first = true;
        for (Map.Entry<String, SessionModel.Transition> step : row.entrySet()) {
          transitions.add(new TransitionRow(first, from, String.format(Locale.ROOT, "%.3f", visits.get(from)), step.getKey(),
              percent(step.getValue().probability()), describe(step.getValue().thinkTime())));
          first = false;
        }
      });
      return new SessionView(String.format(Locale.ROOT, "%.3f", model.expectedRequestsPerSession()),
          String.format(Locale.ROOT, "%.1f", model.expectedThinkSecondsPerSession()), initial, transitions);
    }

    private static String percent(double probability) {
      return String.format(Locale.ROOT, "%.1f", 100 * probability);
    }
  }

  /** One start state and its probability in percent. */
  record InitialRow(String state, String probabilityPercent) {}

  /**
   * One step: from a state (with its expected visits per session) to a state or exit; {@code
   * firstOfRow} marks the first step of a state's row.
   */
  record TransitionRow(boolean firstOfRow, String from, String fromVisits, String to, String probabilityPercent,
      String thinkTime) {}

  /** One missing range: wall-clock bounds and length in seconds. */
  record MissingRow(String from, String to, String durationSeconds) {}

  /** One request template and its share of the requests, in percent: by weight, or by expected visits. */
  record MixRow(String name, String method, String path, String sharePercent) {}

  /**
   * The chart's data: epoch seconds of each point, the observed rate (null inside missing ranges)
   * and the bridged rate inside them (null elsewhere), in arrivals per second (requests, or sessions
   * when {@code sessions}), and the calendar's events as bands in epoch seconds.
   */
  record CurveData(String timezone, boolean sessions, long[] time, Double[] ratePerSecond, Double[] missingBridgedPerSecond,
      List<Band> events, boolean hasMissing) {

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
        // the bridge also takes the observed points on either side of a range, so that it meets the observed line
        boolean missing = rate.isMissing(at) || (i > 0 && rate.isMissing(rate.atSeconds(i - 1)))
            || (i + 1 < n && rate.isMissing(rate.atSeconds(i + 1)));
        observed[i] = rate.isMissing(at) ? null : rate.ratePerSecond(i);
        unknown[i] = missing ? bridged.ratePerSecond(i) : null;
      }
      List<Band> bands = new ArrayList<>();
      for (CalendarEvent event : profile.events().events()) {
        bands.add(new Band(event.name(), event.kind().yamlName(), epochStart + Math.round(event.fromSeconds()),
            epochStart + Math.round(event.toSeconds())));
      }
      return new CurveData(profile.timezone().getId(), profile.mix().sessions() != null, time, observed, unknown, bands,
          !rate.missing().isEmpty());
    }
  }

  /** One event band on the chart: name, kind and epoch-second bounds. */
  record Band(String name, String kind, long from, long to) {}
}
