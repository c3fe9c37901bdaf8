package org.loadcast.hotspot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import one.convert.Arguments;
import one.convert.FlameGraph;

/**
 * A flame graph as one self-contained HTML page (no network, opens offline), drawn by
 * async-profiler's converter ({@code tools.profiler:jfr-converter}, Apache-2.0) from folded stacks.
 *
 * <p>Flame graphs are Brendan Gregg's ("The Flame Graph", ACM Queue 14(2), 2016). The converter
 * draws frame names on a canvas from a JavaScript string table; it escapes quotes and backslashes
 * but not {@code </script>}, so this class escapes {@code </} and {@code <!--} inside the page's
 * script, and HTML-escapes the title, leaving every method name as text.
 */
public final class FlameGraphPage {

  private FlameGraphPage() {}

  /**
   * Renders the page.
   *
   * @param foldedStacks lines {@code root;...;top count}, as {@link JfrHotMethods#foldedStacks}
   *     gives them; empty gives an empty graph
   * @param title the page's heading, plain text
   * @return the HTML page
   */
  public static String render(List<String> foldedStacks, String title) {
    FlameGraph graph = new FlameGraph(new Arguments("--title", escapeHtml(title)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8)) {
      graph.parseCollapsed(new StringReader(String.join("\n", foldedStacks) + "\n"));
      graph.dump(print);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return escapeScript(out.toString(StandardCharsets.UTF_8));
  }

  /** Escapes the markup that could end or comment out the script, between its first open and last close tag. */
  static String escapeScript(String html) {
    int from = html.indexOf("<script>") + "<script>".length();
    int to = html.lastIndexOf("</script>");
    if (from < "<script>".length() || to < from) {
      throw new IllegalStateException("the flame graph page has no <script> element");
    }
    String script = html.substring(from, to).replace("</", "<\\/").replace("<!--", "<\\!--");
    return html.substring(0, from) + script + html.substring(to);
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}
