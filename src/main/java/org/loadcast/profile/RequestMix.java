package org.loadcast.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request templates that arrivals are drawn from: by weight, or by walking sessions.
 *
 * <p>Without {@code sessions}, each arrival is one request, drawn by weight ({@link #pick}). With
 * {@code sessions}, each arrival of the profile's rate is a <em>session</em>, which {@link
 * SessionWalker} turns into a sequence of requests with think times; the states of the session model
 * are template names, and weights are optional (when given, they are kept as information, such as
 * request counts from a log).
 *
 * @param requests the templates, in the order the profile lists them; at least one, names unique
 * @param sessions the session model; null for a plain weighted mix
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestMix(List<RequestTemplate> requests, SessionModel sessions) {

  /**
   * Validates and copies the mix.
   *
   * @throws IllegalArgumentException if the list is empty or a name repeats; without sessions, if a
   *     weight is missing; with sessions, if a template is named {@code exit} or a state of the
   *     session model names no template (with the closest name, when one is close)
   */
  @JsonCreator
  public RequestMix {
    if (requests == null || requests.isEmpty()) {
      throw new IllegalArgumentException("requests must list at least one request template, but was empty");
    }
    requests = List.copyOf(requests);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      RequestTemplate template = requests.get(i);
      if (!names.add(template.name())) {
        throw new IllegalArgumentException(
            "requests[" + i + "].name must be unique, but '" + template.name() + "' repeats");
      }
      if (sessions == null && template.weight() == null) {
        throw new IllegalArgumentException("requests[" + i + "].weight must be a finite number > 0 when the mix "
            + "has no sessions, but was missing");
      }
      if (sessions != null && template.name().equals(SessionModel.EXIT)) {
        throw new IllegalArgumentException("requests[" + i + "].name must not be '" + SessionModel.EXIT
            + "' in a mix with sessions, where it ends a session, but was '" + SessionModel.EXIT + "'");
      }
    }
    if (sessions != null) {
      requireTemplates(sessions, names);
    }
  }

  /**
   * Returns a weighted mix without sessions.
   *
   * @param requests see {@link #requests()}; every weight given
   * @throws IllegalArgumentException as the canonical constructor
   */
  public RequestMix(List<RequestTemplate> requests) {
    this(requests, null);
  }

  private static void requireTemplates(SessionModel sessions, Set<String> names) {
    for (Map.Entry<String, Map<String, SessionModel.Transition>> row : sessions.transitions().entrySet()) {
      if (!names.contains(row.getKey())) {
        String hint = YamlFile.closestName(row.getKey(), names).map(s -> " (did you mean '" + s + "'?)").orElse("");
        throw new IllegalArgumentException("sessions.transitions." + row.getKey()
            + " must be the name of a request template, but was '" + row.getKey() + "'" + hint);
      }
    }
  }

  /** Returns the template with this name, or null when none has it. */
  public RequestTemplate template(String name) {
    return requests.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * Returns the template that a uniform draw selects, by cumulative weight.
   *
   * @param uniform a draw in {@code [0, 1)}
   * @return the template whose share of the cumulative weight contains the draw
   * @throws IllegalArgumentException if the draw lies outside {@code [0, 1)}
   * @throws IllegalStateException if a template has no weight (possible only with sessions)
   */
  public RequestTemplate pick(double uniform) {
    if (!(uniform >= 0 && uniform < 1)) {
      throw new IllegalArgumentException("uniform must be in [0, 1), but was " + uniform);
    }
    double target = uniform * totalWeight();
    double sum = 0;
    for (RequestTemplate template : requests) {
      sum += template.weight();
      if (target < sum) {
        return template;
      }
    }
    return requests.get(requests.size() - 1);
  }

  /**
   * Returns how many requests one arrival of the profile's rate stands for on average: 1 for a
   * weighted mix, where each arrival is one request; {@link SessionModel#expectedRequestsPerSession()}
   * with sessions, where each arrival is a session.
   *
   * @return requests per arrival, {@code >= 1}
   */
  public double requestsPerArrival() {
    return sessions == null ? 1 : sessions.expectedRequestsPerSession();
  }

  /**
   * Returns each template's share of the requests: the normalised weights when every template has
   * one; otherwise (possible only with sessions) the session model's expected visits per session,
   * normalised ({@link SessionModel#expectedVisits()}).
   *
   * @return shares by template name in the order of {@link #requests()}, each in {@code [0, 1]},
   *     summing to 1 up to rounding
   */
  public Map<String, Double> requestShares() {
    Map<String, Double> shares = new java.util.LinkedHashMap<>();
    boolean weighted = requests.stream().allMatch(t -> t.weight() != null);
    Map<String, Double> visits = weighted ? Map.of() : sessions.expectedVisits();
    double total = weighted ? totalWeight() : requestsPerArrival();
    for (RequestTemplate template : requests) {
      double amount = weighted ? template.weight() : visits.getOrDefault(template.name(), 0.0);
      shares.put(template.name(), amount / total);
    }
    return java.util.Collections.unmodifiableMap(shares);
  }

  /**
   * Returns the template that a uniform draw selects, by cumulative {@link #requestShares()}: the
   * weights when all are given, else the session model's expected visits. This draws single
   * requests, as a capacity probe sends them, from any mix. Solves the session model on each call:
   * callers that draw often keep {@link #requestShares()} instead.
   *
   * @param uniform a draw in {@code [0, 1)}
   * @return the template whose share contains the draw; never one with share 0
   * @throws IllegalArgumentException if the draw lies outside {@code [0, 1)}
   */
  public RequestTemplate pickByShare(double uniform) {
    if (!(uniform >= 0 && uniform < 1)) {
      throw new IllegalArgumentException("uniform must be in [0, 1), but was " + uniform);
    }
    Map<String, Double> shares = requestShares();
    double sum = 0;
    RequestTemplate last = null;
    for (RequestTemplate template : requests) {
      double share = shares.get(template.name());
      if (share > 0) {
        sum += share;
        last = template;
        if (uniform < sum) {
          return template;
        }
      }
    }
    return last;
  }

  /**
   * Returns the sum of the weights, {@code > 0}.
   *
   * @throws IllegalStateException if a template has no weight (possible only with sessions)
   */
  public double totalWeight() {
    double sum = 0;
    for (RequestTemplate template : requests) {
      if (template.weight() == null) {
        throw new IllegalStateException("request '" + template.name() + "' has no weight: this mix draws "
            + "requests by walking sessions, not by weight");
      }
      sum += template.weight();
    }
    return sum;
  }
}
