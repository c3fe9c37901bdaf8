package org.loadcast.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The XSS payloads of {@code src/test/resources/xss-payloads.txt}, one per non-empty line. A payload
 * that runs sets {@code window.__xss}; a page that shows them all as text leaves it undefined.
 */
public final class XssPayloads {
  private XssPayloads() {}

  /**
   * Returns every payload, in file order.
   *
   * @return the payloads, at least one
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<String> all() {
    try (InputStream in = XssPayloads.class.getResourceAsStream("/xss-payloads.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the text with each run of spaces, tabs and line ends as one space, and none at the ends, as a page's text shows it. */
  public static String flat(String text) {
    return text.replaceAll("[ \\t\\n\\r]+", " ").strip();
  }
}
