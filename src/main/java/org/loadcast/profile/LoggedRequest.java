package org.loadcast.profile;

/**
 * One request as an access log records it, the input of session extraction. Whoever parses the log
 * builds these; this package does not read logs for sessions.
 *
 * @param epochSecond the request time, seconds since 1970-01-01T00:00:00Z (access logs have
 *     one-second resolution)
 * @param clientHost the client: a host name or address, the identity that sessions are cut for; not blank
 * @param method the HTTP method as logged, such as {@code GET}; not null (an unknown method is
 *     dropped by the extractor and reported, not rejected here)
 * @param rawPath the request target as logged, with any query string; not null
 * @param status the response status code, in {@code [100, 599]}
 */
public record LoggedRequest(long epochSecond, String clientHost, String method, String rawPath, int status) {
  /**
   * Validates the request.
   *
   * @throws IllegalArgumentException if the client is blank, the method or path is null, or the
   *     status is outside {@code [100, 599]}
   */
  public LoggedRequest {
    if (clientHost == null || clientHost.isBlank()) {
      throw new IllegalArgumentException("clientHost must not be blank, but was " + (clientHost == null ? "missing" : "'" + clientHost + "'"));
    }
    if (method == null) {
      throw new IllegalArgumentException("method must be given, but was missing");
    }
    if (rawPath == null) {
      throw new IllegalArgumentException("rawPath must be given, but was missing");
    }
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be in [100, 599], but was " + status);
    }
  }
}
