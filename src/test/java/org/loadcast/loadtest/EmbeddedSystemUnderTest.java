package org.loadcast.loadtest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.loadcast.cli.ExperimentDocument;
import org.loadcast.profile.RequestMix;
import org.loadcast.profile.RequestTemplate;
import org.loadcast.sim.RandomStreams;

/**
 * The embedded system under test: WireMock on 127.0.0.1 serving the mix's paths, with a fixed pool
 * of workers and log-normal service times, so that it saturates and queues like a real service.
 *
 * <p>Each template's method and path are served with 200, a {@code {placeholder}} in the path
 * matching any one non-empty segment; anything else gets 404. The server counts what it received
 * ({@link #received()}): method, URL as sent, the values of the headers the templates name, and the
 * body, up to {@value #MAX_DISTINCT_REQUESTS} distinct requests (WireMock's own journal stays off,
 * as it would hold every request).
 *
 * <p>Each request takes a worker (a fair semaphore, so waiting requests are served first come,
 * first served), holds it for a service time drawn from the {@code "system-under-test"} stream, and
 * gives it back. Jetty's threads outnumber the workers, so the queue forms at the workers.
 *
 * <p>Thread-safe.
 */
final class EmbeddedSystemUnderTest implements AutoCloseable {
  private static final int CONTAINER_THREADS = 256;
  /**
   * The name of Jetty's thread pool, and so the prefix of its threads' names ({@code
   * loadcast-sut-N}): the threads that parse, match and answer requests, which the in-process
   * profiler selects.
   */
  static final String THREAD_POOL_NAME = "loadcast-sut";
  private static final int MAX_DISTINCT_REQUESTS = 10_000;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9_]*}");
  private final Map<Received, LongAdder> received = new ConcurrentHashMap<>();
  private final List<String> headerNames;
  private final WireMockServer server;
  private final Semaphore workers;
  private final int workerCount;

  EmbeddedSystemUnderTest(ExperimentDocument.Embedded config, RequestMix mix, long seed) {
    this.workerCount = config.workers();
    this.workers = new Semaphore(config.workers(), true);
    SplittableRandom random = new RandomStreams(seed).stream("system-under-test");
    double median = config.serviceTimeMedianMillis();
    double sigma = config.serviceTimeSigma();
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    mix.requests().forEach(t -> names.addAll(t.headers().keySet()));
    this.headerNames = List.copyOf(names);
    ServeEventListener service = new ServeEventListener() {
      @Override
      public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
        count(serveEvent.getRequest());
        double millis;
        synchronized (random) {
          millis = median * Math.exp(sigma * random.nextGaussian());
        }
        serve(millis);
      }

      @Override
      public String getName() {
        return "loadcast-worker-pool";
      }
    };
    server = new WireMockServer(WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .dynamicPort()
        .containerThreads(CONTAINER_THREADS)
        .threadPoolFactory(options -> {
          QueuedThreadPool pool = new QueuedThreadPool(options.containerThreads());
          pool.setName(THREAD_POOL_NAME);
          return pool;
        })
        .jettyAcceptors(1)
        .disableRequestJournal()
        .extensions(service));
    for (RequestTemplate template : mix.requests()) {
      server.stubFor(request(template.method(), urlPathMatching(pathPattern(template.path())))
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("ok")));
    }
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
  }

  /**
   * Returns a regular expression for a template's path: the literal text quoted, each placeholder
   * one non-empty path segment.
   */
  static String pathPattern(String templatePath) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(templatePath);
    int at = 0;
    while (m.find()) {
      regex.append(Pattern.quote(templatePath.substring(at, m.start()))).append("[^/]+");
      at = m.end();
    }
    return regex.append(Pattern.quote(templatePath.substring(at))).toString();
  }

  private void count(LoggedRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : headerNames) {
      String value = request.getHeader(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    String body = request.getBodyAsString();
    Received key = new Received(request.getMethod().getName(), request.getUrl(), headers, body == null || body.isEmpty() ? null : body);
    LongAdder counter = received.get(key);
    if (counter == null && received.size() < MAX_DISTINCT_REQUESTS) {
      counter = received.computeIfAbsent(key, k -> new LongAdder());
    }
    if (counter != null) {
      counter.increment();
    }
  }

  /**
   * One kind of request the server received.
   *
   * @param method the HTTP method
   * @param url the path and query as sent, still percent-encoded
   * @param headers the values of the headers the templates name, in name order; absent ones left out
   * @param body the body; null when empty
   */
  record Received(String method, String url, Map<String, String> headers, String body) {}

  /** Returns how often each distinct request was received so far; at most {@value #MAX_DISTINCT_REQUESTS} kinds. */
  Map<Received, Long> received() {
    Map<Received, Long> counts = new LinkedHashMap<>();
    received.forEach((k, v) -> counts.put(k, v.sum()));
    return counts;
  }

  private void serve(double millis) {
    try {
      workers.acquire();
      try {
        Thread.sleep((long) millis, (int) ((millis % 1) * 1_000_000));
      } finally {
        workers.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the server and returns its base URL. */
  String start() {
    server.start();
    return "http://127.0.0.1:" + server.port();
  }

  /** Returns whether a thread, by its Java name, is one of the server's request threads. */
  static boolean isRequestThread(String threadName) {
    return threadName.startsWith(THREAD_POOL_NAME + "-");
  }

  /** Returns the workers busy now. */
  int busyWorkers() {
    return workerCount - workers.availablePermits();
  }

  /** Returns the requests waiting for a worker now. */
  int queueLength() {
    return workers.getQueueLength();
  }

  @Override
  public void close() {
    server.stop();
  }
}
