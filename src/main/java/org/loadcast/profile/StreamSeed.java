package org.loadcast.profile;

import java.nio.charset.StandardCharsets;

/**
 * The seed of a named random stream, derived from the run seed and the stream's name.
 *
 * <p>The derivation is {@code mix64(seed ^ mix64(fnv1a64(name)))}: {@code fnv1a64} is the 64-bit
 * FNV-1a hash of the name's UTF-8 bytes (Fowler, Noll and Vo; offset basis {@code
 * 0xcbf29ce484222325}, prime {@code 0x100000001b3}), and {@code mix64} is the output mix of
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).
 * Each source of randomness (the schedule, rate noise, the simulator's arrivals and service times)
 * takes its own stream, so a stream's draws never depend on how many draws another stream made
 * (common random numbers).
 *
 * <p>Not instantiable; the method is a pure function of its arguments.
 */
public final class StreamSeed {
  private StreamSeed() {}

  /**
   * Returns the seed of the stream with a name; the same run seed and name always give the same
   * value.
   *
   * @param seed the run seed, any value
   * @param name the stream's name, such as {@code "schedule"}; not empty
   * @return the stream's seed, any value
   * @throws IllegalArgumentException if the name is null or empty
   */
  public static long of(long seed, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a random stream needs a name");
    }
    return mix64(seed ^ mix64(fnv1a64(name)));
  }

  private static long fnv1a64(String name) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
