package org.loadcast.profile;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One request of an access log.
 *
 * @param time when the request was logged, with the log's offset; whole seconds
 * @param clientHost the client's host name or address as logged ({@code %h}, {@code
 *     $remote_addr}); {@code -} when the format has none
 * @param method the HTTP method as written in the request line (not checked against a list)
 * @param path the request target without its query string; {@code /} when the request line has none
 * @param status the HTTP status code, 100–999; 0 when the format has no status field
 * @param bytes the response size in bytes as logged, {@code >= 0}; -1 when the log wrote {@code -}
 *     or the format has no byte count
 */
public record AccessLogEntry(OffsetDateTime time, String clientHost, String method, String path, int status, long bytes) {

  /**
   * Validates the entry.
   *
   * @throws IllegalArgumentException if a text is null or empty, the status is out of range or
   *     bytes is below -1
   */
  public AccessLogEntry {
    if (time == null) {
      throw new IllegalArgumentException("time is required");
    }
    if (clientHost == null || clientHost.isEmpty() || method == null || method.isEmpty() || path == null || path.isEmpty()) {
      throw new IllegalArgumentException("clientHost, method and path must not be empty, but were '"
          + clientHost + "', '" + method + "', '" + path + "'");
    }
    if (status != 0 && (status < 100 || status > 999)) {
      throw new IllegalArgumentException("status must be 0 or 100-999, but was " + status);
    }
    if (bytes < -1) {
      throw new IllegalArgumentException("bytes must be >= -1, but was " + bytes);
    }
  }

  /**
   * An entry without host and size, as earlier versions held.
   *
   * @param time when the request was logged
   * @param method the HTTP method
   * @param path the request path without query
   * @param status the status code
   */
  public AccessLogEntry(OffsetDateTime time, String method, String path, int status) {
    this(time, "-", method, path, status, -1);
  }

  /**
   * Parses one line in the Common or the Combined Log Format ({@link LogLineFormat#COMMON}, {@link
   * LogLineFormat#COMBINED}); the request line may lack the protocol (HTTP/0.9).
   *
   * <p>For many lines, read through {@link TrafficSources#readSeries}, which keeps its parser and
   * date cache between lines.
   *
   * @param line the line, without its line terminator
   * @return the entry, or empty when the line does not match the format (a truncated line, say)
   */
  public static Optional<AccessLogEntry> parse(String line) {
    for (LogLineFormat format : new LogLineFormat[] {LogLineFormat.COMMON, LogLineFormat.COMBINED}) {
      LogLineParser parser = new LogLineParser(format);
      if (parser.parse(line)) {
        return Optional.of(parser.entry());
      }
    }
    return Optional.empty();
  }
}
