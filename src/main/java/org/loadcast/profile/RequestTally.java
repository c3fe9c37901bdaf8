package org.loadcast.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.function.Consumer;

/**
 * Counts requests by method and path as a log streams past, for {@link
 * ProfileDerivation#mixFromLog}. Memory grows with the number of distinct method-and-path pairs,
 * not with the number of requests.
 *
 * <p>Mutable and not thread-safe: feed it from one reading.
 */
public final class RequestTally implements Consumer<AccessLogEntry> {
  private final Map<String, long[]> counts = new HashMap<>();
  private long requests;

  /** Counts one request. */
  @Override
  public void accept(AccessLogEntry entry) {
    counts.computeIfAbsent(entry.method() + " " + entry.path(), k -> new long[1])[0]++;
    requests++;
  }

  /** Returns the number of requests counted. */
  public long requests() {
    return requests;
  }

  /**
   * Builds a request mix from the most requested paths (see {@link ProfileDerivation#mixFromLog}).
   *
   * @param topPaths how many groups to keep, {@code >= 1}
   * @return the mix, heaviest first
   * @throws IllegalArgumentException if {@code topPaths < 1} or no request has an accepted method
   */
  public RequestMix toMix(int topPaths) {
    if (topPaths < 1) {
      throw new IllegalArgumentException("topPaths must be >= 1, but was " + topPaths);
    }
    List<RequestTemplate> templates = new ArrayList<>();
    counts.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
        .forEach(e -> addTemplate(templates, topPaths, e.getKey(), e.getValue()[0]));
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("the log has no request with a method of GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS");
    }
    return new RequestMix(templates);
  }

  private static void addTemplate(List<RequestTemplate> templates, int limit, String name, long count) {
    if (templates.size() >= limit) {
      return;
    }
    int space = name.indexOf(' ');
    try {
      templates.add(new RequestTemplate(name, name.substring(0, space), name.substring(space + 1), count));
    } catch (IllegalArgumentException e) {
      // a malformed request line (unknown method, path without '/') is not a template
    }
  }
}
