package org.loadcast.autoscale;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recurring scheduled action of an EC2 Auto Scaling group: at each time its cron expression
 * matches, in the profile's timezone, it sets the group's minimum and/or maximum capacity, which
 * then hold until another action changes them (AUTOSCALING.md §2.3, "Events": scheduled actions
 * raise {@code MinCapacity} for an event window, then a second action restores it; "Cron recurrence
 * supported").
 *
 * <p>The cron syntax is a small subset of the five-field Unix form {@code minute hour day-of-month
 * month day-of-week}:
 *
 * <ul>
 *   <li>minute: one number, 0 to 59;
 *   <li>hour: one number, 0 to 23, or {@code *} for every hour;
 *   <li>day-of-month and month: {@code *} only;
 *   <li>day-of-week: {@code *}, or a comma list of days or ranges of days, each a number 0 to 7 (0
 *       and 7 are Sunday) or a name {@code SUN} to {@code SAT}: {@code MON-FRI}, {@code 0,6}.
 * </ul>
 *
 * <p>So {@code "0 8 * * MON-FRI"} fires at 08:00 on weekdays, {@code "30 * * * *"} at half past every
 * hour.
 *
 * @param cron the schedule, as above
 * @param minCapacity the minimum it sets, {@code >= 1}; null leaves the minimum as it is
 * @param maxCapacity the maximum it sets, {@code >= 1} and {@code >= minCapacity}; null leaves it
 */
public record ScheduledAction(String cron, Integer minCapacity, Integer maxCapacity) {
  private static final List<String> DAY_NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  /**
   * Validates the action.
   *
   * @throws IllegalArgumentException if the cron expression is outside the subset above, neither
   *     capacity is given, or one is out of range; the message names the field
   */
  public ScheduledAction {
    parse(cron);
    if (minCapacity == null && maxCapacity == null) {
      throw new IllegalArgumentException("minCapacity or maxCapacity is required: a scheduled action sets one or both, but set neither");
    }
    if (minCapacity != null && minCapacity < 1) {
      throw new IllegalArgumentException("minCapacity must be >= 1, but was " + minCapacity);
    }
    if (maxCapacity != null && maxCapacity < (minCapacity == null ? 1 : minCapacity)) {
      throw new IllegalArgumentException("maxCapacity must be >= " + (minCapacity == null ? "1" : "minCapacity (" + minCapacity + ")")
          + ", but was " + maxCapacity);
    }
  }

  /**
   * Returns the latest local time at or before {@code at} when the action fired, or null if it did
   * not fire within the 8 days before: a weekly schedule fires at least once a week.
   *
   * @param at a local date-time in the profile's timezone
   * @return the firing time, or null
   */
  public LocalDateTime lastFiringAtOrBefore(LocalDateTime at) {
    Cron c = parse(cron);
    for (int back = 0; back <= 7; back++) {
      LocalDate day = at.toLocalDate().minusDays(back);
      if (!c.days().contains(day.getDayOfWeek())) {
        continue;
      }
      for (int hour = 23; hour >= 0; hour--) {
        if (c.hour() >= 0 && c.hour() != hour) {
          continue;
        }
        LocalDateTime candidate = day.atTime(hour, c.minute());
        if (!candidate.isAfter(at)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** A parsed expression: the minute, the hour (−1 for every hour), and the days of the week. */
  private record Cron(int minute, int hour, Set<DayOfWeek> days) {}

  private static Cron parse(String cron) {
    String[] fields = cron == null ? new String[0] : cron.trim().split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException("cron must have 5 fields (minute hour day-of-month month day-of-week), but was '"
          + cron + "'");
    }
    int minute = number(fields[0], "minute", 0, 59, cron);
    int hour = fields[1].equals("*") ? -1 : number(fields[1], "hour", 0, 23, cron);
    if (!fields[2].equals("*") || !fields[3].equals("*")) {
      throw new IllegalArgumentException("cron's day-of-month and month must be '*' (only daily and weekly schedules), but was '"
          + cron + "'");
    }
    return new Cron(minute, hour, days(fields[4], cron));
  }

  private static int number(String field, String name, int low, int high, String cron) {
    if (field.matches("\\d{1,2}")) {
      int value = Integer.parseInt(field);
      if (value >= low && value <= high) {
        return value;
      }
    }
    throw new IllegalArgumentException("cron's " + name + " must be a number in " + low + ".." + high
        + (name.equals("hour") ? " or '*'" : "") + ", but was '" + field + "' in '" + cron + "'");
  }

  private static Set<DayOfWeek> days(String field, String cron) {
    if (field.equals("*")) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : field.split(",", -1)) {
      String[] range = part.split("-", -1);
      if (range.length > 2) {
        throw dayError(part, cron);
      }
      int from = day(range[0], cron);
      int to = range.length == 2 ? day(range[1], cron) : from;
      if (to < from) {
        throw dayError(part, cron);
      }
      for (int d = from; d <= to; d++) {
        days.add(DayOfWeek.SUNDAY.plus(d));
      }
    }
    return days;
  }

  private static int day(String token, String cron) {
    int named = DAY_NAMES.indexOf(token.toUpperCase(Locale.ROOT));
    if (named >= 0) {
      return named;
    }
    if (token.matches("[0-7]")) {
      return Integer.parseInt(token);
    }
    throw dayError(token, cron);
  }

  private static IllegalArgumentException dayError(String token, String cron) {
    return new IllegalArgumentException("cron's day-of-week must be '*' or a list of days 0..7 or SUN..SAT and ranges such as "
        + "MON-FRI, but was '" + token + "' in '" + cron + "'");
  }

  /**
   * Returns the largest maximum capacity in force at any time: the policy's own or one a scheduled
   * action sets.
   *
   * @param maxCapacity the policy's maximum
   * @param actions its scheduled actions
   * @return the largest of them
   */
  static int largestMax(int maxCapacity, List<ScheduledAction> actions) {
    int largest = maxCapacity;
    for (ScheduledAction action : actions) {
      if (action.maxCapacity() != null) {
        largest = Math.max(largest, action.maxCapacity());
      }
    }
    return largest;
  }
}
