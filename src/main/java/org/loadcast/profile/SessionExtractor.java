package org.loadcast.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second pass of session extraction: cuts each client's requests into sessions and estimates a
 * {@link SessionModel} from them, after WESSBAS (van Hoorn et al., VALUETOOLS 2014; Vögele et al.,
 * SoSyM 2018).
 *
 * <p>Sessions: a client's requests are buffered and sorted by time when cut, so requests that arrive
 * up to {@code reorderToleranceSeconds} late still fall in place; a session ends after {@code
 * sessionTimeoutSeconds} without a request. Every request that passes the status, method and path
 * checks counts as activity, including assets and requests of dropped templates. A client's buffer is
 * released once its session is over, so memory is bounded by the clients active within the timeout
 * and their open sessions.
 *
 * <p>States: each kept template (see {@link TemplateCounter}) is a state. With {@code
 * foldStaticAssets}, an asset request (by extension) is no state but folded into the page before it:
 * the think time between two pages includes their assets, and a load tool that fetches a page's
 * embedded resources (Gatling's {@code inferHtmlResources}) replays them. Requests of templates not
 * kept are skipped: the think time spans them.
 *
 * <p>Estimates, by maximum likelihood for a first-order Markov chain (Anderson and Goodman,
 * "Statistical inference about Markov chains", Annals of Mathematical Statistics 28(1), 1957):
 * <ul>
 *   <li>{@code initial}: the share of sessions that start in each state;
 *   <li>a row: each transition's count over the row total, where each session's last request counts
 *       one step to exit. Transitions seen fewer than {@code minTransitionCount} times are folded
 *       away and the row renormalised over the rest, except where that would leave a state with no
 *       path to exit (then its row is kept whole); the folded count is reported;
 *   <li>think times per transition, from the gaps between its two requests. Logs have one-second
 *       resolution, so a gap of 0 s means less than 1 s and is taken as 0.5 s, the interval's
 *       midpoint (Heitjan, "Inference from grouped continuous data: a review", Statistical Science
 *       4(2), 1989). With at least {@code minThinkSamples} gaps, a log-normal by maximum likelihood:
 *       {@code μ} and {@code σ} are the mean and the (1/n) standard deviation of the log gaps (Johnson,
 *       Kotz and Balakrishnan, <i>Continuous Univariate Distributions</i> vol. 1, 2nd ed., 1994,
 *       ch. 14); with fewer, the empirical distribution of the gaps; with one, that constant.
 * </ul>
 *
 * <p>Not thread-safe: feed it from one thread, in log order.
 */
public final class SessionExtractor {
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final int ASSET = -1;
  private static final int OTHER = -2;
  private static final long SWEEP_EVERY_SECONDS = 60;

  private final ExtractionSettings settings;
  private final TemplateCounter.TemplateCatalog catalog;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, List<Pending>> clients = new LinkedHashMap<>();
  private final Map<SessionExtraction.Omission, Long> omitted = new EnumMap<>(SessionExtraction.Omission.class);
  private final long[] initialCounts;
  private final long[] exitCounts;
  private final long[] visits;
  private final Map<Long, Gaps> transitions = new HashMap<>();
  private long latestSecond = Long.MIN_VALUE;
  private long lastSweepSecond = Long.MIN_VALUE;
  private long order;
  private long requestsRead;
  private long queryStringsStripped;
  private long sessions;
  private long sessionsWithoutRequests;
  private long sessionRequests;
  private long sessionSeconds;
  private boolean finished;

  /** One buffered request of a client: its time, arrival order and template index (or ASSET, OTHER). */
  private record Pending(long epochSecond, long order, int template, boolean queryStripped) {}

  /** Gap statistics of one transition: count, sums of log gaps, and the first gaps. */
  private static final class Gaps {
    long count;
    double sumLog;
    double sumLogSquared;
    final double[] first;

    Gaps(int keep) {
      first = new double[keep];
    }

    void add(double seconds) {
      if (count < first.length) {
        first[(int) count] = seconds;
      }
      count++;
      double log = Math.log(seconds);
      sumLog += log;
      sumLogSquared += log * log;
    }
  }

  /**
   * Returns an extractor for the templates of a first pass.
   *
   * @param settings the extraction settings, the same as the first pass's
   * @param catalog the templates to keep, from {@link TemplateCounter#catalog()}
   */
  public SessionExtractor(ExtractionSettings settings, TemplateCounter.TemplateCatalog catalog) {
    this.settings = settings;
    this.catalog = catalog;
    for (int i = 0; i < catalog.templates().size(); i++) {
      index.put(catalog.templates().get(i).name(), i);
    }
    int n = catalog.templates().size();
    initialCounts = new long[n];
    exitCounts = new long[n];
    visits = new long[n];
  }

  /**
   * Extracts sessions from a log in two passes over it, with {@link TemplateCounter} and then an
   * extractor.
   *
   * @param log the requests in log order; iterated twice, giving the same requests each time
   * @param settings the extraction settings
   * @return the extraction
   * @throws IllegalArgumentException if no session has a kept request
   */
  public static SessionExtraction extract(Iterable<LoggedRequest> log, ExtractionSettings settings) {
    TemplateCounter counter = new TemplateCounter(settings);
    log.forEach(counter::accept);
    SessionExtractor extractor = new SessionExtractor(settings, counter.catalog());
    log.forEach(extractor::accept);
    return extractor.finish();
  }

  /**
   * Returns why a request is omitted before sessions are cut, or null when it is not: a status of 400
   * or above, an unknown method, or a target that is not a path.
   *
   * @param request the request
   * @return the reason, or null
   */
  static SessionExtraction.Omission omission(LoggedRequest request) {
    if (request.status() >= 400) {
      return SessionExtraction.Omission.ERROR_STATUS;
    }
    if (!METHODS.contains(request.method())) {
      return SessionExtraction.Omission.UNKNOWN_METHOD;
    }
    return request.rawPath().startsWith("/") ? null : SessionExtraction.Omission.NOT_A_PATH;
  }

  /**
   * Takes the next request of the log.
   *
   * @param request the request; times may lag the latest seen by up to the reorder tolerance
   * @throws IllegalStateException if {@link #finish()} was called
   */
  public void accept(LoggedRequest request) {
    if (finished) {
      throw new IllegalStateException("the extractor has finished; start a new one");
    }
    requestsRead++;
    SessionExtraction.Omission reason = omission(request);
    if (reason == null && latestSecond != Long.MIN_VALUE
        && request.epochSecond() < latestSecond - settings.reorderToleranceSeconds()) {
      reason = SessionExtraction.Omission.OUT_OF_ORDER;
    }
    if (reason != null) {
      omit(reason);
      return;
    }
    latestSecond = Math.max(latestSecond, request.epochSecond());
    PathTemplate path = PathTemplate.of(request.rawPath());
    int template = settings.foldStaticAssets() && PathTemplate.isStaticAsset(path.path()) ? ASSET
        : index.getOrDefault(request.method() + " " + path.path(), OTHER);
    clients.computeIfAbsent(request.clientHost(), k -> new ArrayList<>())
        .add(new Pending(request.epochSecond(), order++, template, path.queryStripped()));
    if (lastSweepSecond == Long.MIN_VALUE || latestSecond - lastSweepSecond >= SWEEP_EVERY_SECONDS) {
      lastSweepSecond = latestSecond;
      sweep(false);
    }
  }

  /** Returns the number of clients with an open session, the extractor's memory bound. */
  public int activeClients() {
    return clients.size();
  }

  /**
   * Cuts the sessions still open and returns the estimated model.
   *
   * @return the extraction
   * @throws IllegalArgumentException if no session has a kept request
   * @throws IllegalStateException if called twice
   */
  public SessionExtraction finish() {
    if (finished) {
      throw new IllegalStateException("the extractor has finished already");
    }
    sweep(true);
    finished = true;
    if (sessions == 0) {
      throw new IllegalArgumentException("the log must have at least one session with a kept request, but had none of "
          + requestsRead + " requests");
    }
    List<Integer> states = new ArrayList<>();
    for (int i = 0; i < visits.length; i++) {
      if (visits[i] > 0) {
        states.add(i);
      }
    }
    boolean[][] kept = keptTransitions(states);
    Map<String, Map<String, SessionModel.Transition>> rows = new LinkedHashMap<>();
    long keptCount = 0;
    long foldedCount = 0;
    for (int a : states) {
      long total = exitCounts[a];
      for (int b : states) {
        total += kept[a][b] ? gaps(a, b).count : 0;
      }
      Map<String, SessionModel.Transition> row = new LinkedHashMap<>();
      for (int b : states) {
        Gaps g = transitions.get(key(a, b));
        if (g != null && kept[a][b]) {
          row.put(name(b), new SessionModel.Transition((double) g.count / total, fitThinkTime(g, settings.minThinkSamples())));
          keptCount += g.count;
        } else if (g != null) {
          foldedCount += g.count;
        }
      }
      row.put(SessionModel.EXIT, new SessionModel.Transition((double) exitCounts[a] / total, null));
      rows.put(name(a), row);
    }
    Map<String, Double> initial = new LinkedHashMap<>();
    for (int a : states) {
      if (initialCounts[a] > 0) {
        initial.put(name(a), (double) initialCounts[a] / sessions);
      }
    }
    List<RequestTemplate> templates = new ArrayList<>();
    for (int a : states) {
      RequestTemplate t = catalog.templates().get(a);
      templates.add(new RequestTemplate(t.name(), t.method(), t.path(), t.headers(), t.body(), t.feeder(), (double) visits[a]));
    }
    Set<String> feeders = new HashSet<>(templates.stream().map(RequestTemplate::feeder).toList());
    return new SessionExtraction(new RequestMix(templates, new SessionModel(initial, rows)),
        catalog.feeders().stream().filter(f -> feeders.contains(f.feeder())).toList(), sessions,
        (double) sessionRequests / sessions, (double) sessionSeconds / sessions, requestsRead, sessionRequests,
        omitted, keptCount, foldedCount, catalog.templatesSeen(), queryStringsStripped, sessionsWithoutRequests);
  }

  /**
   * Decides which transitions to keep: those seen at least {@code minTransitionCount} times, plus
   * whole rows where needed so that every state still has a path to exit.
   */
  private boolean[][] keptTransitions(List<Integer> states) {
    int n = visits.length;
    boolean[][] kept = new boolean[n][n];
    for (int a : states) {
      for (int b : states) {
        Gaps g = transitions.get(key(a, b));
        kept[a][b] = g != null && g.count >= settings.minTransitionCount();
      }
    }
    boolean changed = true;
    while (changed) {
      boolean[] reaches = reachesExit(states, kept);
      changed = false;
      for (int a : states) {
        if (!reaches[a]) {
          for (int b : states) {
            if (!kept[a][b] && transitions.containsKey(key(a, b))) {
              kept[a][b] = true;
              changed = true;
            }
          }
        }
      }
    }
    return kept;
  }

  private boolean[] reachesExit(List<Integer> states, boolean[][] kept) {
    boolean[] reaches = new boolean[visits.length];
    boolean grew = true;
    while (grew) {
      grew = false;
      for (int a : states) {
        if (reaches[a]) {
          continue;
        }
        boolean any = exitCounts[a] > 0;
        for (int b : states) {
          any |= kept[a][b] && reaches[b];
        }
        if (any) {
          reaches[a] = true;
          grew = true;
        }
      }
    }
    return reaches;
  }

  /**
   * Fits a think-time distribution to the gaps of one transition, as the class comment describes.
   */
  private static ThinkTime fitThinkTime(Gaps g, int minSamples) {
    if (g.count >= minSamples) {
      return logNormal(g.count, g.sumLog, g.sumLogSquared);
    }
    if (g.count == 1) {
      return new ThinkTime.Constant(g.first[0]);
    }
    double[] sorted = Arrays.copyOf(g.first, (int) g.count);
    Arrays.sort(sorted);
    return new ThinkTime.Empirical(Arrays.stream(sorted).boxed().toList());
  }

  /**
   * Returns the maximum-likelihood log-normal for samples with the given sums of logs: median {@code
   * e^μ} with {@code μ = Σ ln x / n}, and {@code σ² = Σ (ln x)² / n − μ²}; a constant when {@code σ}
   * is below 1e-9.
   *
   * @param n the number of samples, {@code >= 1}
   * @param sumLog {@code Σ ln x}
   * @param sumLogSquared {@code Σ (ln x)²}
   * @return the fitted distribution
   */
  static ThinkTime logNormal(long n, double sumLog, double sumLogSquared) {
    double mu = sumLog / n;
    double sigma = Math.sqrt(Math.max(0, sumLogSquared / n - mu * mu));
    return sigma < 1e-9 ? new ThinkTime.Constant(Math.exp(mu)) : new ThinkTime.LogNormal(Math.exp(mu), sigma);
  }

  private void sweep(boolean all) {
    Iterator<List<Pending>> it = clients.values().iterator();
    long settled = latestSecond - settings.reorderToleranceSeconds();
    while (it.hasNext()) {
      List<Pending> buffer = it.next();
      cutCompleted(buffer, settled, all);
      if (buffer.isEmpty()) {
        it.remove();
      }
    }
  }

  /**
   * Sorts a client's buffer and takes out every session known to be over: one whose last request is
   * followed by a gap over the timeout, and after which no request still to come (none earlier than
   * {@code settledSecond}, the latest time seen less the reorder tolerance) could fall within the
   * timeout.
   */
  private void cutCompleted(List<Pending> buffer, long settledSecond, boolean all) {
    buffer.sort(Comparator.comparingLong(Pending::epochSecond).thenComparingLong(Pending::order));
    long timeout = settings.sessionTimeoutSeconds();
    int start = 0;
    for (int i = 0; i < buffer.size(); i++) {
      long at = buffer.get(i).epochSecond();
      boolean gapFollows = i == buffer.size() - 1 || buffer.get(i + 1).epochSecond() - at > timeout;
      boolean settled = all || settledSecond - at > timeout;
      if (gapFollows && settled) {
        session(buffer.subList(start, i + 1));
        start = i + 1;
      }
    }
    buffer.subList(0, start).clear();
  }

  /** Counts one session's states, transitions, gaps and exit. */
  private void session(List<Pending> requests) {
    int previous = -1;
    long previousSecond = 0;
    long firstSecond = 0;
    long states = 0;
    for (Pending p : requests) {
      if (p.template() == ASSET) {
        omit(previous >= 0 ? SessionExtraction.Omission.ASSET_FOLDED_INTO_PAGE : SessionExtraction.Omission.ASSET_WITHOUT_PAGE);
        continue;
      }
      if (p.template() == OTHER) {
        omit(SessionExtraction.Omission.OUTSIDE_TOP_TEMPLATES);
        continue;
      }
      int t = p.template();
      visits[t]++;
      states++;
      queryStringsStripped += p.queryStripped() ? 1 : 0;
      if (previous < 0) {
        initialCounts[t]++;
        firstSecond = p.epochSecond();
      } else {
        long gap = p.epochSecond() - previousSecond;
        transitions.computeIfAbsent(key(previous, t), k -> new Gaps(settings.minThinkSamples())).add(gap > 0 ? gap : 0.5);
      }
      previous = t;
      previousSecond = p.epochSecond();
    }
    if (previous < 0) {
      sessionsWithoutRequests++;
      return;
    }
    exitCounts[previous]++;
    sessions++;
    sessionRequests += states;
    sessionSeconds += previousSecond - firstSecond;
  }

  private void omit(SessionExtraction.Omission reason) {
    omitted.merge(reason, 1L, Long::sum);
  }

  private Gaps gaps(int a, int b) {
    return transitions.get(key(a, b));
  }

  private long key(int a, int b) {
    return (long) a * visits.length + b;
  }

  private String name(int template) {
    return catalog.templates().get(template).name();
  }
}
