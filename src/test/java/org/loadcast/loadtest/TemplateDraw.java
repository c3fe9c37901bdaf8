package org.loadcast.loadtest;

import java.util.SplittableRandom;
import org.loadcast.profile.RequestMix;

/**
 * Draws request templates by a mix's request shares (the weights, or a session model's expected
 * visit shares) from one random stream, in the order users ask: an inverse-CDF draw over the
 * cumulative shares. Thread-safe: draws are serialised on the stream.
 */
public final class TemplateDraw {
  private final double[] cumulativeShares;
  private final SplittableRandom random;

  /**
   * Creates the draw.
   *
   * @param mix the request mix, with at least one template
   * @param random the stream to draw from, such as the run's {@code "mix"} stream; used only here
   */
  public TemplateDraw(RequestMix mix, SplittableRandom random) {
    this.cumulativeShares = new double[mix.requests().size()];
    double sum = 0;
    int i = 0;
    for (double share : mix.requestShares().values()) {
      sum += share;
      cumulativeShares[i++] = sum;
    }
    cumulativeShares[cumulativeShares.length - 1] = 1;
    this.random = random;
  }

  /** Returns the next template's index in the mix's template order. */
  public int next() {
    double u;
    synchronized (random) {
      u = random.nextDouble();
    }
    for (int i = 0; i < cumulativeShares.length; i++) {
      if (u < cumulativeShares[i]) {
        return i;
      }
    }
    return cumulativeShares.length - 1;
  }
}
