package org.loadcast.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The first pass of session extraction: counts the requests of each template (method and
 * normalised path, see {@link PathTemplate}) and keeps the most requested ones.
 *
 * <p>The kept set must be known before sessions are built, so that a session can skip the requests of
 * dropped templates and measure the think time between the kept ones around them; hence two passes
 * over the log, each with memory bounded by the templates seen, not the log's length.
 *
 * <p>Not thread-safe: one instance per pass.
 */
public final class TemplateCounter {
  private final ExtractionSettings settings;
  private final Map<String, long[]> counts = new LinkedHashMap<>();
  private final Map<String, Set<List<String>>> rows = new LinkedHashMap<>();
  private final Map<String, List<String>> columns = new LinkedHashMap<>();

  /**
   * Returns an empty counter.
   *
   * @param settings the extraction settings
   */
  public TemplateCounter(ExtractionSettings settings) {
    this.settings = settings;
  }

  /**
   * Counts one request, unless it is omitted (see {@link SessionExtraction.Omission}) or a folded
   * static asset.
   *
   * @param request the request
   */
  public void accept(LoggedRequest request) {
    if (SessionExtractor.omission(request) != null) {
      return;
    }
    PathTemplate path = PathTemplate.of(request.rawPath());
    if (settings.foldStaticAssets() && PathTemplate.isStaticAsset(path.path())) {
      return;
    }
    String name = request.method() + " " + path.path();
    counts.computeIfAbsent(name, k -> new long[1])[0]++;
    if (!path.values().isEmpty()) {
      columns.putIfAbsent(name, List.copyOf(path.values().keySet()));
      Set<List<String>> seen = rows.computeIfAbsent(name, k -> new LinkedHashSet<>());
      if (seen.size() < settings.feederRows()) {
        seen.add(List.copyOf(path.values().values()));
      }
    }
  }

  /**
   * Returns the most requested templates.
   *
   * <p>Templates are ordered by count, most first, ties by name. Each is named {@code "METHOD
   * /path"}; one with placeholders gets the feeder {@code feeders/<slug>.csv}, whose rows are the
   * values seen.
   *
   * @return the catalog; its template list is empty when no request was counted
   */
  public TemplateCatalog catalog() {
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey));
    List<RequestTemplate> templates = new ArrayList<>();
    List<SessionExtraction.FeederRows> feeders = new ArrayList<>();
    Set<String> slugs = new LinkedHashSet<>();
    for (Map.Entry<String, long[]> entry : sorted.subList(0, Math.min(settings.topTemplates(), sorted.size()))) {
      String name = entry.getKey();
      int space = name.indexOf(' ');
      String feeder = null;
      if (columns.containsKey(name)) {
        feeder = "feeders/" + uniqueSlug(name, slugs) + ".csv";
        feeders.add(new SessionExtraction.FeederRows(feeder, columns.get(name), new ArrayList<>(rows.get(name))));
      }
      templates.add(new RequestTemplate(name, name.substring(0, space), name.substring(space + 1), Map.of(), null,
          feeder, (double) entry.getValue()[0]));
    }
    return new TemplateCatalog(templates, feeders, counts.size());
  }

  private static String uniqueSlug(String name, Set<String> taken) {
    String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    String slug = base;
    for (int n = 2; !taken.add(slug); n++) {
      slug = base + "-" + n;
    }
    return slug;
  }

  /**
   * The templates a session extraction keeps.
   *
   * @param templates the kept templates, most requested first, weighted by their count in the first pass
   * @param feeders the placeholder values of each kept template with placeholders, in template order
   * @param templatesSeen how many distinct templates the first pass counted
   */
  public record TemplateCatalog(List<RequestTemplate> templates, List<SessionExtraction.FeederRows> feeders, int templatesSeen) {
    /** Copies the lists. */
    public TemplateCatalog {
      templates = List.copyOf(templates);
      feeders = List.copyOf(feeders);
    }
  }
}
