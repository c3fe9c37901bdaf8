package org.loadcast.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of request in a profile's mix, possibly with {@code {name}} placeholders.
 *
 * <p>A placeholder is {@code {name}} with a name matching {@code [A-Za-z][A-Za-z0-9_]*}. It may stand
 * in the path, in header values and in the body. Any other brace is literal text in header values
 * and the body (so a JSON body such as <code>{"id": {id}}</code> has one placeholder, {@code id});
 * in the path a brace must open a placeholder, since braces are not valid in a URI path (RFC 3986
 * §3.3). There is no escape for a literal {@code {word}} in a header value or body.
 *
 * <p>Where values come from: a template that uses placeholders must name a {@code feeder}, a CSV file
 * (relative to the profile) whose columns fill them. This record cannot see the file, so that the
 * columns cover the placeholders is checked where the file is read (see
 * {@link #missingColumns(java.util.Collection)}), and {@link #render} names any value still missing.
 * A feeder on a template without placeholders is allowed: its rows may feed nothing but the session.
 * There are no value generators.
 *
 * @param name the request name shown in results and reports; not blank
 * @param method the HTTP method, one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS
 * @param path the request path, starting with {@code /}, without a scheme or host
 * @param headers request headers in the order they are sent; names are HTTP tokens (RFC 9110
 *     §5.6.2), values hold no CR or LF; null means none
 * @param body the request body; null for none; not allowed with GET or HEAD
 * @param feeder the CSV feeder file relative to the profile, whose columns fill the placeholders;
 *     null for none; required when a placeholder is used
 * @param weight the relative share of arrivals in a weighted mix; finite and {@code > 0}; null only
 *     in a mix with sessions, where the session model decides what is requested
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "method", "path", "headers", "body", "feeder", "weight"})
public record RequestTemplate(
    String name, String method, String path, Map<String, String> headers, String body, String feeder,
    Double weight) {
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /**
   * Validates the template and copies the headers, keeping their order.
   *
   * @throws IllegalArgumentException if a rule above is broken; the message names the field and value
   */
  @JsonCreator
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
    checkPathBraces(path);
    headers = copyHeaders(headers);
    if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
      throw new IllegalArgumentException("body must be absent for method " + method + ", but was '" + abbreviate(body) + "'");
    }
    if (feeder != null && (feeder.isBlank() || feeder.startsWith("/"))) {
      throw new IllegalArgumentException("feeder must be a file path relative to the profile, but was '" + feeder + "'");
    }
    if (weight != null && (!Double.isFinite(weight) || weight <= 0)) {
      throw new IllegalArgumentException("weight must be a finite number > 0, but was " + weight);
    }
    Set<String> used = placeholdersIn(path, headers, body);
    if (!used.isEmpty() && feeder == null) {
      throw new IllegalArgumentException("feeder must name a CSV file whose columns fill the placeholders "
          + String.join(", ", used) + ", but was missing");
    }
  }

  /**
   * Returns a template without headers, body or feeder.
   *
   * @param name see {@link #name()}
   * @param method see {@link #method()}
   * @param path see {@link #path()}
   * @param weight see {@link #weight()}; here required
   * @throws IllegalArgumentException as the canonical constructor
   */
  public RequestTemplate(String name, String method, String path, double weight) {
    this(name, method, path, Map.of(), null, null, weight);
  }

  /**
   * Returns the placeholder names used in the path, the header values and the body.
   *
   * @return the names in order of first use (path, then headers, then body); empty when none
   */
  public Set<String> placeholders() {
    return placeholdersIn(path, headers, body);
  }

  /**
   * Returns the placeholders that a feeder with these columns would leave unfilled.
   *
   * @param columns the feeder's column names
   * @return the unfilled placeholder names in order of first use; empty when all are filled
   */
  public Set<String> missingColumns(java.util.Collection<String> columns) {
    Set<String> missing = new LinkedHashSet<>(placeholders());
    missing.removeAll(columns);
    return Collections.unmodifiableSet(missing);
  }

  /**
   * Returns the request with every placeholder replaced by its value.
   *
   * <p>Values in the path are percent-encoded as UTF-8, leaving only RFC 3986 §2.3 unreserved
   * characters ({@code A-Z a-z 0-9 - . _ ~}) as they are, so a value cannot add a path segment or a
   * query. Values in header values and the body are inserted as they are.
   *
   * @param values placeholder values by name; extra names are ignored
   * @return the rendered request; headers in template order
   * @throws IllegalArgumentException if a placeholder has no value, naming the placeholder, or if a
   *     header value would hold CR or LF
   */
  public RenderedRequest render(Map<String, String> values) {
    Map<String, String> renderedHeaders = new LinkedHashMap<>();
    headers.forEach((k, v) -> renderedHeaders.put(k, substitute(v, values, false, "headers." + k)));
    return new RenderedRequest(method, substitute(path, values, true, "path"), renderedHeaders,
        body == null ? null : substitute(body, values, false, "body"));
  }

  /**
   * A request ready to send.
   *
   * @param method the HTTP method
   * @param path the path with values percent-encoded
   * @param headers the headers in the template's order
   * @param body the body; null for none
   */
  public record RenderedRequest(String method, String path, Map<String, String> headers, String body) {
    /**
     * Copies the headers.
     *
     * @throws IllegalArgumentException if a header value holds CR or LF
     */
    public RenderedRequest {
      headers = copyHeaders(headers);
    }
  }

  /**
   * Percent-encodes text for a path segment: every UTF-8 byte outside the RFC 3986 §2.3 unreserved
   * set becomes {@code %XX} with upper-case hex.
   *
   * @param value the text
   * @return the encoded text; empty for empty input
   */
  public static String encodePathSegment(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static String substitute(String text, Map<String, String> values, boolean encode, String field) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("values must hold placeholder '" + m.group(1) + "' used in " + field
            + ", but it was missing; given: " + String.join(", ", new java.util.TreeSet<>(values.keySet())));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(encode ? encodePathSegment(value) : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Set<String> placeholdersIn(String path, Map<String, String> headers, String body) {
    Set<String> names = new LinkedHashSet<>();
    collect(path, names);
    headers.values().forEach(v -> collect(v, names));
    if (body != null) {
      collect(body, names);
    }
    return Collections.unmodifiableSet(names);
  }

  private static void collect(String text, Set<String> names) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
  }

  private static void checkPathBraces(String path) {
    String rest = PLACEHOLDER.matcher(path).replaceAll("");
    if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
      throw new IllegalArgumentException("path must use braces only for placeholders {name} with name "
          + "[A-Za-z][A-Za-z0-9_]*, but was '" + path + "'");
    }
  }

  private static Map<String, String> copyHeaders(Map<String, String> headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String key = header.getKey();
      if (key == null || !TOKEN.matcher(key).matches()) {
        throw new IllegalArgumentException("headers must have names that are HTTP tokens (RFC 9110 §5.6.2), but was '" + key + "'");
      }
      String value = header.getValue();
      if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("headers." + key + " must be a text without CR or LF, but was "
            + (value == null ? "missing" : "'" + abbreviate(value) + "'"));
      }
      copy.put(key, value);
    }
    return Collections.unmodifiableMap(copy);
  }

  private static String abbreviate(String text) {
    String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "...";
  }
}
