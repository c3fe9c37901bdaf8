package org.loadcast.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small cron subset of scheduled actions. */
class ScheduledActionTest {

  private static LocalDateTime at(String text) {
    return LocalDateTime.parse(text);
  }

  @Test
  void lastFiringAtOrBefore_weekdayMorning_skipsTheWeekend() {
    ScheduledAction a = new ScheduledAction("0 8 * * MON-FRI", 5, null);
    // Sunday 1995-07-23 noon: the last weekday 08:00 was Friday the 21st
    assertThat(a.lastFiringAtOrBefore(at("1995-07-23T12:00"))).isEqualTo(at("1995-07-21T08:00"));
    assertThat(a.lastFiringAtOrBefore(at("1995-07-24T08:00"))).isEqualTo(at("1995-07-24T08:00"));
    assertThat(a.lastFiringAtOrBefore(at("1995-07-24T07:59"))).isEqualTo(at("1995-07-21T08:00"));
  }

  @Test
  void lastFiringAtOrBefore_everyHour_firesAtItsMinute() {
    ScheduledAction a = new ScheduledAction("30 * * * *", null, 9);
    assertThat(a.lastFiringAtOrBefore(at("1995-07-24T10:29"))).isEqualTo(at("1995-07-24T09:30"));
    assertThat(a.lastFiringAtOrBefore(at("1995-07-24T00:10"))).isEqualTo(at("1995-07-23T23:30"));
  }

  @Test
  void lastFiringAtOrBefore_sundayAsSevenOrZero_isTheSameDay() {
    LocalDateTime sunday = at("1995-07-23T12:00");
    assertThat(new ScheduledAction("0 6 * * 7", 2, null).lastFiringAtOrBefore(sunday))
        .isEqualTo(new ScheduledAction("0 6 * * 0", 2, null).lastFiringAtOrBefore(sunday))
        .isEqualTo(at("1995-07-23T06:00"));
  }

  @Test
  void clamp_laterActionWins() {
    CapacitySchedule s = new CapacitySchedule(1, 10, List.of(
        new ScheduledAction("0 8 * * *", 4, null), new ScheduledAction("0 20 * * *", 1, 6)));
    assertThat(s.clamp(2, at("1995-07-24T09:00").atZone(ZoneOffset.UTC))).isEqualTo(4);
    assertThat(s.clamp(9, at("1995-07-24T21:00").atZone(ZoneOffset.UTC))).isEqualTo(6);
    assertThat(s.clamp(2, at("1995-07-24T21:00").atZone(ZoneOffset.UTC))).isEqualTo(2);
  }

  @Test
  void constructor_unsupportedCron_explainsTheSubset() {
    assertThatThrownBy(() -> new ScheduledAction("0 8 * *", 1, null))
        .hasMessage("cron must have 5 fields (minute hour day-of-month month day-of-week), but was '0 8 * *'");
    assertThatThrownBy(() -> new ScheduledAction("0 8 1 * *", 1, null))
        .hasMessageStartingWith("cron's day-of-month and month must be '*'");
    assertThatThrownBy(() -> new ScheduledAction("0 25 * * *", 1, null))
        .hasMessage("cron's hour must be a number in 0..23 or '*', but was '25' in '0 25 * * *'");
    assertThatThrownBy(() -> new ScheduledAction("*/5 8 * * *", 1, null))
        .hasMessage("cron's minute must be a number in 0..59, but was '*/5' in '*/5 8 * * *'");
    assertThatThrownBy(() -> new ScheduledAction("0 8 * * FRI-MON", 1, null))
        .hasMessageStartingWith("cron's day-of-week must be '*' or a list of days").hasMessageContaining("'FRI-MON'");
  }

  @Test
  void constructor_capacities_areChecked() {
    assertThatThrownBy(() -> new ScheduledAction("0 8 * * *", null, null))
        .hasMessage("minCapacity or maxCapacity is required: a scheduled action sets one or both, but set neither");
    assertThatThrownBy(() -> new ScheduledAction("0 8 * * *", 5, 3))
        .hasMessage("maxCapacity must be >= minCapacity (5), but was 3");
  }
}
