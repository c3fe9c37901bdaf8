package org.loadcast.cli;

import java.util.HexFormat;

/**
 * One injector's share of a load test run by several: injector {@code index} of {@code count} takes
 * the arrivals whose global ordinal {@code k} (0-based, in schedule order within a phase) has {@code k
 * mod count = index}, so that the shards of all injectors are disjoint and their union is exactly the
 * single injector's schedule.
 *
 * <p>In second {@code s} of a phase with {@code n_s} arrivals after {@code P_s} earlier ones, the shard
 * takes {@code |{k ∈ [P_s, P_s + n_s) : k ≡ index (mod count)}|} arrivals, which is {@code
 * floor(n_s / count)} or one more; the shards of one second sum to {@code n_s}. Within the shard, its
 * {@code j}-th arrival is global arrival {@code index + j · count} ({@link #globalOrdinal(long)}),
 * which lets each injector thin its arrivals by the same global rule the single injector applies (the
 * {@link ReplayGate}).
 *
 * @param count injectors in the run, {@code >= 1}
 * @param index this injector, in {@code [0, count)}
 */
public record InjectorShard(int count, int index) {
  /** The whole schedule on one injector. */
  public static final InjectorShard SINGLE = new InjectorShard(1, 0);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if {@code count < 1} or {@code index} is outside {@code [0, count)}
   */
  public InjectorShard {
    if (count < 1) {
      throw new IllegalArgumentException("injectors must be >= 1, but was " + count);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("injector must be in [0, " + (count - 1) + "] for " + count + " injectors, but was "
          + index);
    }
  }

  /**
   * Returns this shard's arrivals in each second of a phase.
   *
   * @param arrivalsPerSecond the phase's arrivals per second, each {@code >= 0}; empty for an empty phase
   * @return this shard's arrivals per second, same length; the input's copy for {@link #SINGLE}
   * @throws IllegalArgumentException if a count is negative
   */
  public int[] counts(int[] arrivalsPerSecond) {
    int[] shard = new int[arrivalsPerSecond.length];
    long before = 0;
    for (int s = 0; s < arrivalsPerSecond.length; s++) {
      int n = arrivalsPerSecond[s];
      if (n < 0) {
        throw new IllegalArgumentException("arrivals must be >= 0, but second " + s + " has " + n);
      }
      shard[s] = (int) (ordinalsUpTo(before + n) - ordinalsUpTo(before));
      before += n;
    }
    return shard;
  }

  /** Returns how many of the global ordinals {@code 0 .. end - 1} are this shard's. */
  private long ordinalsUpTo(long end) {
    return end <= index ? 0 : (end - 1 - index) / count + 1;
  }

  /**
   * Returns the global ordinal of this shard's {@code j}-th arrival of a phase.
   *
   * @param shardOrdinal the arrival's ordinal within this shard's phase, {@code >= 0}
   * @return {@code index + shardOrdinal · count}
   * @throws IllegalArgumentException if {@code shardOrdinal < 0}
   */
  public long globalOrdinal(long shardOrdinal) {
    if (shardOrdinal < 0) {
      throw new IllegalArgumentException("shardOrdinal must be >= 0, but was " + shardOrdinal);
    }
    return index + shardOrdinal * count;
  }

  /**
   * Returns a SHA-256 digest of whole-second schedules, so that injectors can check they share one:
   * each phase's length and counts, in order, as big-endian integers.
   *
   * @param phases the phases' arrivals per second, in order
   * @return 64 lowercase hex digits
   */
  public static String scheduleSha256(int[]... phases) {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4);
      for (int[] phase : phases) {
        digest.update(buffer.clear().putInt(phase.length).array());
        for (int n : phase) {
          digest.update(buffer.clear().putInt(n).array());
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
