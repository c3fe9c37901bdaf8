package org.loadcast.profile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps profile seconds to local wall-clock positions in a zone, without building a date-time per
 * query: the zone's offset transitions within the profile are listed once, and each query is a
 * binary search over them (usually zero to two per month).
 *
 * <p>Immutable and thread-safe.
 */
final class LocalClock {
  static final int SECONDS_PER_DAY = 86_400;
  static final int SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;
  /** 1970-01-01 was a Thursday: index 3 with Monday = 0. */
  private static final int EPOCH_DAY_OF_WEEK = 3;

  private final double startEpochSeconds;
  /** transitionProfileSeconds[i]: profile second from which offsetSeconds[i + 1] applies. */
  private final double[] transitionProfileSeconds;
  private final int[] offsetSeconds;

  LocalClock(OffsetDateTime startTime, ZoneId zone, double durationSeconds) {
    Instant start = startTime.toInstant();
    this.startEpochSeconds = start.getEpochSecond() + start.getNano() / 1e9;
    ZoneRules rules = zone.getRules();
    List<Double> at = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    offsets.add(rules.getOffset(start).getTotalSeconds());
    Instant end = start.plusSeconds((long) Math.ceil(durationSeconds) + 1);
    ZoneOffsetTransition next = rules.nextTransition(start);
    while (next != null && next.getInstant().isBefore(end)) {
      at.add(next.getInstant().getEpochSecond() - startEpochSeconds);
      offsets.add(next.getOffsetAfter().getTotalSeconds());
      next = rules.nextTransition(next.getInstant());
    }
    this.transitionProfileSeconds = at.stream().mapToDouble(Double::doubleValue).toArray();
    this.offsetSeconds = offsets.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Returns the local offset from UTC at profile second {@code atSeconds}, in seconds. */
  int offsetSecondsAt(double atSeconds) {
    int lo = 0;
    int hi = transitionProfileSeconds.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (transitionProfileSeconds[mid] <= atSeconds) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return offsetSeconds[lo];
  }

  /**
   * Returns the local wall-clock position within the week at profile second {@code atSeconds}: 0 at
   * local Monday 00:00, up to (not including) 604,800.
   */
  double secondOfWeek(double atSeconds) {
    double local = startEpochSeconds + atSeconds + offsetSecondsAt(atSeconds);
    double day = Math.floor(local / SECONDS_PER_DAY);
    double secondOfDay = local - day * SECONDS_PER_DAY;
    long dayOfWeek = Math.floorMod((long) day + EPOCH_DAY_OF_WEEK, 7);
    return dayOfWeek * SECONDS_PER_DAY + secondOfDay;
  }
}
