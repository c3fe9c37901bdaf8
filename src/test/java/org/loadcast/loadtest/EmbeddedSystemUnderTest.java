package org.loadcast.loadtest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import org.loadcast.cli.ExperimentDocument;
import org.loadcast.profile.RequestMix;
import org.loadcast.profile.RequestTemplate;
import org.loadcast.sim.RandomStreams;

/**
 * The embedded system under test: WireMock on 127.0.0.1 serving the mix's paths, with a fixed pool
 * of workers and log-normal service times, so that it saturates and queues like a real service.
 *
 * <p>Each request takes a worker (a fair semaphore, so waiting requests are served first come,
 * first served), holds it for a service time drawn from the {@code "system-under-test"} stream, and
 * gives it back. Jetty's threads outnumber the workers, so the queue forms at the workers.
 *
 * <p>Thread-safe.
 */
final class EmbeddedSystemUnderTest implements AutoCloseable {
  private static final int CONTAINER_THREADS = 256;
  private final WireMockServer server;
  private final Semaphore workers;
  private final int workerCount;

  EmbeddedSystemUnderTest(ExperimentDocument.Embedded config, RequestMix mix, long seed) {
    this.workerCount = config.workers();
    this.workers = new Semaphore(config.workers(), true);
    SplittableRandom random = new RandomStreams(seed).stream("system-under-test");
    double median = config.serviceTimeMedianMillis();
    double sigma = config.serviceTimeSigma();
    ServeEventListener service = new ServeEventListener() {
      @Override
      public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
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
        .jettyAcceptors(1)
        .disableRequestJournal()
        .extensions(service));
    for (RequestTemplate template : mix.requests()) {
      server.stubFor(request(template.method(), urlPathEqualTo(template.path()))
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("ok")));
    }
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
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
