package org.loadcast.profile;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The weighted request templates that arrivals are drawn from.
 *
 * @param requests the templates, in the order the profile lists them; at least one, names unique
 */
public record RequestMix(List<RequestTemplate> requests) {

  /**
   * Validates and copies the mix.
   *
   * @throws IllegalArgumentException if the list is empty or a name repeats
   */
  public RequestMix {
    if (requests == null || requests.isEmpty()) {
      throw new IllegalArgumentException("requests must list at least one request template, but was empty");
    }
    requests = List.copyOf(requests);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      if (!names.add(requests.get(i).name())) {
        throw new IllegalArgumentException(
            "requests[" + i + "].name must be unique, but '" + requests.get(i).name() + "' repeats");
      }
    }
  }

  /**
   * Returns the template that a uniform draw selects, by cumulative weight.
   *
   * @param uniform a draw in {@code [0, 1)}
   * @return the template whose share of the cumulative weight contains the draw
   * @throws IllegalArgumentException if the draw lies outside {@code [0, 1)}
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

  /** Returns the sum of the weights, {@code > 0}. */
  public double totalWeight() {
    return requests.stream().mapToDouble(RequestTemplate::weight).sum();
  }
}
