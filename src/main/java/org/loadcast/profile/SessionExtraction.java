package org.loadcast.profile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@link SessionExtractor} found in an access log: the mix with its session model, and an
 * account of every request that did not become a state.
 *
 * @param mix the templates that are states, most requested first, each weighted by its request
 *     count in the sessions, with the session model
 * @param feeders for each template with placeholders, the placeholder values seen in the log, to be
 *     written as its feeder file; in template order
 * @param sessionCount sessions with at least one kept request, {@code >= 1}
 * @param meanRequestsPerSession kept requests per session as observed, {@code >= 1}
 * @param meanSessionSeconds seconds from a session's first kept request to its last, as observed
 * @param requestsRead all requests given to the extractor
 * @param requestsInSessions requests that are states of a session; {@code requestsRead} minus the sum
 *     of {@code omittedRequests}
 * @param omittedRequests requests that are not states, by reason, in the order of {@link Omission};
 *     only reasons that occurred
 * @param transitionsKept request-to-request transitions (between kept requests) in the model
 * @param transitionsFolded transitions seen fewer than {@code minTransitionCount} times, folded away
 *     (their rows renormalised over the rest)
 * @param templatesSeen distinct templates in the log before the top ones were kept
 * @param queryStringsStripped kept requests whose query string was dropped
 * @param sessionsWithoutRequests sessions of a client that held only omitted requests
 */
public record SessionExtraction(
    RequestMix mix, List<FeederRows> feeders, long sessionCount, double meanRequestsPerSession,
    double meanSessionSeconds, long requestsRead, long requestsInSessions, Map<Omission, Long> omittedRequests,
    long transitionsKept, long transitionsFolded, int templatesSeen, long queryStringsStripped,
    long sessionsWithoutRequests) {

  /** Copies the collections. */
  public SessionExtraction {
    feeders = List.copyOf(feeders);
    Map<Omission, Long> copy = new EnumMap<>(Omission.class);
    copy.putAll(omittedRequests);
    omittedRequests = Collections.unmodifiableMap(copy);
  }

  /** Why a request is not a state of a session. */
  public enum Omission {
    /** The response status was 400 or above: a failed request is not a step users meant to take. */
    ERROR_STATUS("status 400 or above"),
    /** The method is none of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS (a malformed line). */
    UNKNOWN_METHOD("method not GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS"),
    /** The request target does not start with {@code /} (a full URL or a malformed line). */
    NOT_A_PATH("request target does not start with '/'"),
    /** The request lagged behind the latest time seen by more than the reorder tolerance. */
    OUT_OF_ORDER("out of order by more than the reorder tolerance"),
    /** The template is not among the most requested ones kept. */
    OUTSIDE_TOP_TEMPLATES("template outside the most requested ones kept"),
    /** A static asset, folded into the page requested before it in its session. */
    ASSET_FOLDED_INTO_PAGE("static asset folded into the page before it"),
    /** A static asset with no kept page before it in its session. */
    ASSET_WITHOUT_PAGE("static asset with no kept page before it in its session");

    private final String description;

    Omission(String description) {
      this.description = description;
    }

    /** Returns the reason in words, for reports. */
    public String description() {
      return description;
    }
  }

  /**
   * Placeholder values seen in the log for one template: the rows of its feeder file.
   *
   * @param feeder the feeder file name the template gives
   * @param columns the placeholder names, in path order
   * @param rows distinct value rows in order of first appearance, each with one value per column
   */
  public record FeederRows(String feeder, List<String> columns, List<List<String>> rows) {
    /** Copies the lists. */
    public FeederRows {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /**
   * Returns a one-paragraph account of the extraction for a profile's source note.
   *
   * @return text with numbers formatted in {@link Locale#ROOT}
   */
  public String summary() {
    String omitted = omittedRequests.isEmpty() ? "none" : omittedRequests.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%d %s", e.getValue(), e.getKey().description()))
        .collect(Collectors.joining("; "));
    return String.format(Locale.ROOT,
        "%d sessions of %.2f requests (%.1f s) on average, over %d templates kept of %d seen; %d of %d requests "
            + "are session states (%.1f %%). Not states: %s. %d rare transitions folded, %d kept; %d query strings dropped.",
        sessionCount, meanRequestsPerSession, meanSessionSeconds, mix.requests().size(), templatesSeen,
        requestsInSessions, requestsRead, 100.0 * requestsInSessions / Math.max(1, requestsRead), omitted,
        transitionsFolded, transitionsKept, queryStringsStripped);
  }
}
