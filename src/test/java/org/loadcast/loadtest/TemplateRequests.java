package org.loadcast.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loadcast.cli.FeederFiles;
import org.loadcast.profile.RequestTemplate;

/**
 * Gatling chains that send a profile's request templates: the method, the path with its {@code
 * {name}} placeholders filled from the template's CSV feeder ({@code csv(file).circular()}), the
 * headers and the body, rendered by {@link RequestTemplate#render} so that path values are
 * percent-encoded exactly as the profile says. The response's status is saved as {@code status}.
 * Shared by the simulations of the main job and of the database demo.
 */
public final class TemplateRequests {
  private TemplateRequests() {}

  /**
   * Returns the chain of one template's request: feed a row when it has a feeder, render the
   * placeholders, send the method, rendered path, headers and body.
   */
  public static ChainBuilder request(RequestTemplate t, Path profileFile) {
    HttpRequestActionBuilder action;
    ChainBuilder chain;
    if (t.feeder() == null) {
      RequestTemplate.RenderedRequest fixed = t.render(Map.of());
      chain = exec(session -> session);
      action = http(t.name()).httpRequest(fixed.method(), fixed.path());
      for (Map.Entry<String, String> header : fixed.headers().entrySet()) {
        action = action.header(header.getKey(), header.getValue());
      }
      if (fixed.body() != null) {
        action = action.body(StringBody(fixed.body()));
      }
    } else {
      String feeder = gatlingResourcePath(FeederFiles.resolve(profileFile, t));
      chain = io.gatling.javaapi.core.CoreDsl.feed(csv(feeder).circular()).exec(session -> render(session, t));
      action = http(t.name()).httpRequest(t.method(), session -> session.getString("renderedPath"));
      for (String header : t.headers().keySet()) {
        action = action.header(header, session -> session.<Map<String, String>>get("renderedHeaders").get(header));
      }
      if (t.body() != null) {
        action = action.body(StringBody(session -> session.getString("renderedBody")));
      }
    }
    return chain.exec(action.check(status().saveAs("status")));
  }

  /**
   * Returns the path to give Gatling's {@code csv(...)} for a feeder file. Gatling refuses an
   * absolute path inside a Maven resources directory ({@code src/test/resources/} and the like) and
   * wants it relative to the classpath, where the build copied it; any other file is given as its
   * absolute path.
   */
  static String gatlingResourcePath(Path file) {
    String path = file.toAbsolutePath().normalize().toString().replace('\\', '/');
    for (String root : List.of("src/test/resources/", "src/main/resources/", "src/gatling/resources/")) {
      int at = path.indexOf("/" + root);
      if (at >= 0) {
        String relative = path.substring(at + root.length() + 1);
        if (TemplateRequests.class.getClassLoader().getResource(relative) != null) {
          return relative;
        }
      }
    }
    return path;
  }

  /** Renders a template with the values of the row the feeder put in the session. */
  private static Session render(Session session, RequestTemplate t) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : t.placeholders()) {
      if (session.contains(name)) {
        values.put(name, String.valueOf((Object) session.get(name)));
      }
    }
    RequestTemplate.RenderedRequest rendered = t.render(values);
    Session next = session.set("renderedPath", rendered.path()).set("renderedHeaders", rendered.headers());
    return rendered.body() == null ? next : next.set("renderedBody", rendered.body());
  }

}
