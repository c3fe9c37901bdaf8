package org.loadcast.sim;

import java.util.SplittableRandom;
import org.loadcast.profile.StreamSeed;

/**
 * Named random streams derived from one run seed.
 *
 * <p>Each source of randomness (arrivals, service times, the load balancer) takes its own stream
 * {@code stream(name)}, seeded by {@link StreamSeed#of}: a SplitMix64 mix of the run seed and a
 * 64-bit FNV-1a hash of the name (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014). A stream's draws therefore never depend on how many draws another
 * stream made: changing a policy never changes the arrivals (common random numbers, as SSJ's named
 * {@code RandomStream}s give).
 *
 * <p>Immutable and thread-safe; the streams it returns are not.
 *
 * @param seed the run seed
 */
public record RandomStreams(long seed) {

  /**
   * Returns a fresh stream for a source; the same name always gives the same sequence.
   *
   * @param name the source, such as {@code "arrivals"}; not empty
   * @return a new generator
   * @throws IllegalArgumentException if the name is empty
   */
  public SplittableRandom stream(String name) {
    return new SplittableRandom(StreamSeed.of(seed, name));
  }

  /**
   * Returns an Exp(1) draw by inversion, {@code −ln(1 − u)}, with {@link Fdlibm#log1p}: the same
   * bits as {@code Math.log1p}, without its native call.
   */
  public static double exponential(SplittableRandom random) {
    return -Fdlibm.log1p(-random.nextDouble());
  }
}
