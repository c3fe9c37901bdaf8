package org.loadcast.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.loadcast.report.ReportWriter;

/**
 * The live dashboard of a load test: an HTTP server on the JDK's {@code
 * com.sun.net.httpserver.HttpServer} that serves
 *
 * <ul>
 *   <li>{@code /}: the page, from the Pebble template {@code page.peb} with auto-escaping on, uPlot
 *       inlined from its webjar as in the report;
 *   <li>{@code /events}: a server-sent-events stream ({@code text/event-stream}, see the WHATWG HTML
 *       standard, section 9.2 "Server-sent events"): a {@code retry} hint, then one {@code data:}
 *       event per closed second with {@code id:} the second, the kept history first (after the
 *       browser's {@code Last-Event-ID} when it reconnects), and an {@code end} event when the load
 *       test is over;
 *   <li>{@code /snapshot.json}: the run and its latest second.
 * </ul>
 *
 * <p>Only GET and HEAD are answered; any other method gets 405 with {@code Allow: GET, HEAD}, an
 * unknown path 404. Every response carries {@code X-Content-Type-Options: nosniff}, {@code
 * Referrer-Policy: no-referrer}, {@code Cache-Control: no-store} and a Content-Security-Policy that
 * allows only the page's own inline script and style elements (by their SHA-256 hashes), connections
 * back to the dashboard, and no framing. JSON is written with '&lt;', '&gt;' and '&amp;' as Unicode
 * escapes, and the page puts names into the DOM only as text.
 *
 * <p>One thread polls the {@link LiveFeed} every {@value #POLL_MILLIS} ms and hands new events to
 * each connected browser's queue; each stream is written by its own server thread, at most {@value
 * #MAX_CLIENTS} at a time (503 beyond). A stream whose browser went away fails its next write, at the
 * latest at the next keep-alive comment a second later, and its thread returns.
 *
 * <p>Thread-safe.
 */
public final class LiveDashboard implements AutoCloseable {
  /** How often the feed is polled, in milliseconds: an event reaches the browser at most this late. */
  public static final long POLL_MILLIS = 200;
  /** The most event streams served at once. */
  public static final int MAX_CLIENTS = 16;
  /** The reconnection delay the streams suggest to browsers, in milliseconds. */
  public static final int RETRY_MILLIS = 1000;
  private static final String END = "event: end\ndata: {}\n\n";
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final PebbleEngine PEBBLE = new PebbleEngine.Builder()
      .loader(classpathLoader())
      .autoEscaping(true)
      .strictVariables(true)
      .defaultLocale(Locale.ROOT)
      .build();

  private final HttpServer server;
  private final ExecutorService handlers;
  private final ScheduledExecutorService poller;
  private final LiveFeed feed;
  private final DashboardRun run;
  private final byte[] page;
  private final String pagePolicy;
  private final List<BlockingQueue<String>> clients = new ArrayList<>();
  private boolean closed;

  private LiveDashboard(HttpServer server, LiveFeed feed, DashboardRun run) throws IOException {
    this.server = server;
    this.feed = feed;
    this.run = run;
    Map<String, String> inline = new LinkedHashMap<>();
    inline.put("uplotCss", ReportWriter.resource(ReportWriter.UPLOT + "uPlot.min.css"));
    inline.put("dashboardCss", ReportWriter.resource("org/loadcast/dashboard/live.css"));
    inline.put("uplotJs", ReportWriter.resource(ReportWriter.UPLOT + "uPlot.iife.min.js"));
    inline.put("dashboardJs", ReportWriter.resource("org/loadcast/dashboard/live.js"));
    this.page = page(run, inline).getBytes(StandardCharsets.UTF_8);
    this.pagePolicy = "default-src 'none'; script-src " + hash(inline.get("uplotJs")) + " " + hash(inline.get("dashboardJs"))
        + "; style-src " + hash(inline.get("uplotCss")) + " " + hash(inline.get("dashboardCss"))
        + "; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    this.handlers = Executors.newCachedThreadPool(daemons("loadcast-dashboard-http-"));
    this.poller = Executors.newSingleThreadScheduledExecutor(daemons("loadcast-dashboard-feed-"));
  }

  /**
   * Starts the dashboard: binds the address, serves, and polls the feed.
   *
   * @param settings the address and port; whether it is enabled is the caller's business
   * @param feed the load test's feed
   * @param run the run the page names
   * @return the running dashboard, to close
   * @throws IOException if the address cannot be bound (in use, not local, unresolvable) or a
   *     resource of the page is missing
   */
  public static LiveDashboard start(DashboardSettings settings, LiveFeed feed, DashboardRun run) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
    LiveDashboard dashboard;
    try {
      dashboard = new LiveDashboard(server, feed, run);
    } catch (IOException | RuntimeException e) {
      server.stop(0);
      throw e;
    }
    server.createContext("/", dashboard::handle);
    server.setExecutor(dashboard.handlers);
    server.start();
    dashboard.poller.scheduleAtFixedRate(dashboard::publish, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    return dashboard;
  }

  /** Returns the address the server is bound to, with its actual port. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Returns the page's URL, such as {@code http://127.0.0.1:8000/}; an IPv6 address in brackets. */
  public URI url() {
    InetSocketAddress address = address();
    String host = address.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
  }

  /** Returns the event streams open now. */
  public synchronized int clientCount() {
    return clients.size();
  }

  /**
   * Sends the last seconds ({@link LiveFeed#finish()}) and the {@code end} event to every browser:
   * the load test is over. The server keeps serving the final state until {@link #close()}.
   */
  public synchronized void finish() {
    broadcast(feed.finish());
    clients.forEach(q -> q.add(END));
  }

  /**
   * Stops polling, ends every stream after what it has queued, and stops the server, waiting up to
   * one second for the streams to write their last events. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      clients.forEach(q -> q.add(END));
    }
    poller.shutdownNow();
    server.stop(1);
    handlers.shutdownNow();
  }

  private synchronized void publish() {
    try {
      broadcast(feed.poll());
    } catch (RuntimeException e) {
      // a failed poll must not end the schedule: the next one tries again
      System.err.println("loadcast: the live dashboard could not read the recorder: " + e);
    }
  }

  private void broadcast(List<DashboardSecond> events) {
    for (DashboardSecond event : events) {
      String message = message(event);
      clients.forEach(q -> q.add(message));
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      Headers headers = exchange.getResponseHeaders();
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "no-referrer");
      headers.set("Cache-Control", "no-store");
      headers.set("Content-Security-Policy", pagePolicy);
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        headers.set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", ("method " + method + " is not allowed: GET or HEAD only\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      switch (exchange.getRequestURI().getPath()) {
        case "/" -> send(exchange, 200, "text/html; charset=utf-8", page);
        case "/snapshot.json" -> send(exchange, 200, "application/json", snapshot());
        case "/events" -> stream(exchange);
        default -> send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
      }
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private byte[] snapshot() throws IOException {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("run", run);
    snapshot.put("finished", feed.finished());
    snapshot.put("latest", feed.latest().orElse(null));
    return json(snapshot).getBytes(StandardCharsets.UTF_8);
  }

  /** Serves one event stream until the browser goes away or the dashboard ends it. */
  private void stream(HttpExchange exchange) throws IOException {
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    if (!register(queue, lastEventId(exchange))) {
      exchange.getResponseHeaders().set("Retry-After", "5");
      send(exchange, 503, "text/plain; charset=utf-8", "too many event streams open\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      write(out, "retry: " + RETRY_MILLIS + "\n\n");
      while (true) {
        String message = queue.poll(1, TimeUnit.SECONDS);
        write(out, message == null ? ": keep-alive\n\n" : message);
        if (END.equals(message)) {
          out.close();
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the browser went away
    } finally {
      unregister(queue);
    }
  }

  private synchronized boolean register(BlockingQueue<String> queue, int afterSecond) {
    if (clients.size() >= MAX_CLIENTS) {
      return false;
    }
    feed.historyAfter(afterSecond).forEach(event -> queue.add(message(event)));
    if (feed.finished() || closed) {
      queue.add(END);
    }
    clients.add(queue);
    return true;
  }

  private synchronized void unregister(BlockingQueue<String> queue) {
    clients.remove(queue);
  }

  private static int lastEventId(HttpExchange exchange) {
    String id = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    return id != null && id.matches("[0-9]{1,9}") ? Integer.parseInt(id) : -1;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Returns one server-sent event: the second as its id, its figures as one line of JSON. */
  static String message(DashboardSecond event) {
    return "id: " + event.second() + "\ndata: " + json(event) + "\n\n";
  }

  /**
   * Returns JSON in which no string can open markup: '&lt;', '&gt;' and '&amp;' are written as
   * Unicode escapes, which JSON parsers read back unchanged. The characters occur in JSON text only
   * inside strings, so replacing them in the whole text is safe (as Go's {@code json.HTMLEscape} does).
   */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String page(DashboardRun run, Map<String, String> inline) throws IOException {
    Map<String, Object> context = new LinkedHashMap<>(inline);
    context.put("run", run);
    context.put("retryMillis", RETRY_MILLIS);
    StringWriter out = new StringWriter();
    PEBBLE.getTemplate("page.peb").evaluate(out, context, Locale.ROOT);
    return out.toString();
  }

  /** Returns a CSP source expression for an inline element's text: {@code 'sha256-BASE64'}. */
  static String hash(String inlineText) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(inlineText.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static ClasspathLoader classpathLoader() {
    ClasspathLoader loader = new ClasspathLoader(LiveDashboard.class.getClassLoader());
    loader.setPrefix("org/loadcast/dashboard");
    return loader;
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
