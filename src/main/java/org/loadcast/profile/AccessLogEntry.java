package org.loadcast.profile;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request of an access log in the Common or Combined Log Format.
 *
 * @param time when the request was logged, with the log's offset
 * @param method the HTTP method as written in the request line
 * @param path the request path without its query string; {@code /} when the line has none
 * @param status the HTTP status code
 */
public record AccessLogEntry(OffsetDateTime time, String method, String path, int status) {
  /**
   * Common Log Format, with the Combined format's referer and user agent allowed after it (the
   * Apache httpd documentation, "Log Files"); the request line may lack the protocol (HTTP/0.9).
   */
  private static final Pattern LINE = Pattern.compile(
      "^(\\S+) (\\S+) (\\S+) \\[([^\\]]+)] \"([^\"]*)\" (\\d{3}) (\\d+|-)(?: \"(?:[^\"\\\\]|\\\\.)*\" \"(?:[^\"\\\\]|\\\\.)*\")?\\s*$");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  /**
   * Parses one log line.
   *
   * @param line the line, without its line terminator
   * @return the entry, or empty when the line does not match the format (a truncated line, say)
   */
  public static Optional<AccessLogEntry> parse(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      OffsetDateTime time = OffsetDateTime.parse(m.group(4), TIME);
      String[] request = m.group(5).trim().split("\\s+");
      if (request.length < 1 || request[0].isEmpty()) {
        return Optional.empty();
      }
      String target = request.length > 1 ? request[1] : "/";
      int query = target.indexOf('?');
      String path = query >= 0 ? target.substring(0, query) : target;
      return Optional.of(new AccessLogEntry(time, request[0], path.isEmpty() ? "/" : path, Integer.parseInt(m.group(6))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
