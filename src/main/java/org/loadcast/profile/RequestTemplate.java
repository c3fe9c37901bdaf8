package org.loadcast.profile;

import java.util.Set;

/**
 * One kind of request in a profile's mix.
 *
 * @param name the request name shown in results and reports; not blank
 * @param method the HTTP method, one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS
 * @param path the request path, starting with {@code /}
 * @param weight the relative share of arrivals; finite and {@code > 0}
 */
public record RequestTemplate(String name, String method, String path, double weight) {
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /**
   * Validates the template.
   *
   * @throws IllegalArgumentException if a rule above is broken; the message names the field and value
   */
  public RequestTemplate {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, but was " + (name == null ? "missing" : "'" + name + "'"));
    }
    if (method == null || !METHODS.contains(method)) {
      throw new IllegalArgumentException("method must be one of " + String.join(", ", METHODS.stream().sorted().toList())
          + ", but was " + (method == null ? "missing" : "'" + method + "'"));
    }
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', but was " + (path == null ? "missing" : "'" + path + "'"));
    }
    if (!Double.isFinite(weight) || weight <= 0) {
      throw new IllegalArgumentException("weight must be a finite number > 0, but was " + weight);
    }
  }
}
