package org.loadcast.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A logged request path with its query string removed and its identifiers replaced by
 * placeholders, so that requests for different items group into one template.
 *
 * <p>Rules, applied to each path segment, or to a segment's stem before a letter extension (so
 * {@code 123.html} becomes <code>{id}.html</code>):
 * <ul>
 *   <li>a UUID (8-4-4-4-12 hex digits) becomes <code>{uuid}</code>;
 *   <li>an ISO date {@code yyyy-mm-dd} becomes <code>{date}</code>;
 *   <li>digits only become <code>{id}</code> (years and compact dates such as {@code 20101209} too);
 *   <li>16 or more hex digits become <code>{hash}</code>.
 * </ul>
 * A second placeholder of a kind in one path is numbered: <code>{id}</code>, <code>{id2}</code>, ...
 * The query string is dropped, names and values alike: templates carry no query. Literal braces,
 * which would read as placeholders, are percent-encoded ({@code %7B}, {@code %7D}).
 *
 * @param path the normalised path, starting with {@code /} when the raw path did
 * @param values the replaced text of each placeholder, by name, in path order; empty when none
 * @param queryStripped whether the raw path had a query string ({@code ?...}) or fragment that was dropped
 */
public record PathTemplate(String path, Map<String, String> values, boolean queryStripped) {
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{16,}");
  private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z][A-Za-z0-9]*");
  private static final Pattern STATIC_ASSET = Pattern.compile(
      ".*\\.(gif|jpe?g|png|bmp|ico|svg|webp|xbm|css|js|woff2?|ttf|eot|otf)", Pattern.CASE_INSENSITIVE);

  /** Copies the values, keeping their order. */
  public PathTemplate {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Normalises a logged request target.
   *
   * @param rawPath the path as logged, possibly with a query string; not null
   * @return the template path, placeholder values and whether a query was dropped
   */
  public static PathTemplate of(String rawPath) {
    int cut = indexOfAny(rawPath, '?', '#');
    String path = cut < 0 ? rawPath : rawPath.substring(0, cut);
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Integer> used = new LinkedHashMap<>();
    String[] segments = path.split("/", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(segment(segments[i], values, used));
    }
    return new PathTemplate(out.toString(), values, cut >= 0);
  }

  /**
   * Returns whether a path names a static asset (image, style sheet, script, font or icon), by its
   * extension, case-insensitively.
   *
   * @param path a path without query string
   * @return true for {@code .gif .jpg .jpeg .png .bmp .ico .svg .webp .xbm .css .js .woff .woff2
   *     .ttf .eot .otf}
   */
  public static boolean isStaticAsset(String path) {
    return STATIC_ASSET.matcher(path).matches();
  }

  private static String segment(String segment, Map<String, String> values, Map<String, Integer> used) {
    String kind = kindOf(segment);
    if (kind != null) {
      return placeholder(kind, segment, values, used);
    }
    int dot = segment.lastIndexOf('.');
    if (dot > 0 && EXTENSION.matcher(segment.substring(dot)).matches()) {
      String stemKind = kindOf(segment.substring(0, dot));
      if (stemKind != null) {
        return placeholder(stemKind, segment.substring(0, dot), values, used) + segment.substring(dot);
      }
    }
    return segment.replace("{", "%7B").replace("}", "%7D");
  }

  private static String kindOf(String text) {
    if (UUID.matcher(text).matches()) {
      return "uuid";
    }
    if (DATE.matcher(text).matches()) {
      return "date";
    }
    if (DIGITS.matcher(text).matches()) {
      return "id";
    }
    return HEX.matcher(text).matches() ? "hash" : null;
  }

  private static String placeholder(String kind, String value, Map<String, String> values, Map<String, Integer> used) {
    int n = used.merge(kind, 1, Integer::sum);
    String name = n == 1 ? kind : kind + n;
    values.put(name, value);
    return "{" + name + "}";
  }

  private static int indexOfAny(String text, char a, char b) {
    int i = text.indexOf(a);
    int j = text.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
