package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventCalendarTest {
  private static final RateCurve FLAT_STEP =
      RateCurve.of(new double[] {0, 100, 200}, new double[] {10, 10, 10}, Interpolation.STEP, List.of());
  private static final RateCurve RAMP =
      RateCurve.of(new double[] {0, 200}, new double[] {0, 20}, Interpolation.LINEAR, List.of());

  private static CalendarEvent times(String name, double from, double to, double factor) {
    return new CalendarEvent(name, CalendarEvent.Kind.CAMPAIGN, from, to, new CalendarEvent.Multiplier(factor));
  }

  private static CalendarEvent fixed(String name, double from, double to, double rate) {
    return new CalendarEvent(name, CalendarEvent.Kind.OTHER, from, to, new CalendarEvent.AbsoluteRate(rate));
  }

  @Test
  void applyTo_stepCurveWithMultiplier_isExact() {
    RateCurve withEvent = new EventCalendar(List.of(times("sale", 50, 150, 3))).applyTo(FLAT_STEP);
    // 200 s at 10/s, of which 100 s at 30/s: 1000 + 3000.
    assertThat(withEvent.integral(0, 200)).isCloseTo(4000, within(1e-9));
    assertThat(withEvent.rateAt(49.9)).isEqualTo(10);
    assertThat(withEvent.rateAt(50)).isEqualTo(30);
    assertThat(withEvent.rateAt(149.9)).isEqualTo(30);
    assertThat(withEvent.rateAt(150)).isEqualTo(10);
  }

  @Test
  void applyTo_linearCurve_rampsWithinAMillisecond() {
    RateCurve withEvent = new EventCalendar(List.of(times("sale", 50, 150, 2))).applyTo(RAMP);
    // Ramp 0.1 t: integral 0..200 = 2000; the event doubles 50..150 (integral 1000) -> 3000,
    // less at most half a jump times the ramp at each edge.
    assertThat(withEvent.integral(0, 200)).isCloseTo(3000, within(20 * EventCalendar.EDGE_RAMP_SECONDS));
    assertThat(withEvent.rateAt(100)).isCloseTo(20, within(1e-9));
    assertThat(withEvent.rateAt(40)).isCloseTo(4, within(1e-9));
    assertThat(withEvent.rateAt(160)).isCloseTo(16, within(1e-9));
  }

  @Test
  void apply_fixedRateOverridesMultipliers() {
    EventCalendar calendar = new EventCalendar(List.of(times("sale", 0, 100, 3), fixed("maintenance", 40, 60, 0)));
    assertThat(calendar.apply(10, 30)).isEqualTo(30);
    assertThat(calendar.apply(10, 50)).isZero();
    assertThat(calendar.apply(10, 60)).isEqualTo(30);
  }

  @Test
  void apply_overlappingMultipliers_multiply() {
    EventCalendar calendar = new EventCalendar(List.of(times("a", 0, 100, 2), times("b", 50, 150, 1.5)));
    assertThat(calendar.apply(10, 75)).isEqualTo(30);
    assertThat(calendar.apply(10, 125)).isEqualTo(15);
  }

  @Test
  void constructor_overlappingFixedRates_namesBoth() {
    assertThatThrownBy(() -> new EventCalendar(List.of(fixed("a", 0, 100, 1), fixed("b", 99, 150, 2))))
        .hasMessageStartingWith("events[1] must not overlap events[0] ('a')");
  }

  @Test
  void applyTo_eventOutsideTheCurve_returnsTheSameCurve() {
    assertThat(new EventCalendar(List.of(times("later", 500, 600, 2))).applyTo(FLAT_STEP)).isSameAs(FLAT_STEP);
  }

  @Test
  void constructor_endNotAfterStart_throws() {
    assertThatThrownBy(() -> times("x", 10, 10, 2)).hasMessageStartingWith("end must be after start");
  }

  @Test
  void meanMultiplier_partlyCoveredRange_isTimeWeighted() {
    EventCalendar calendar = new EventCalendar(List.of(times("sale", 50, 150, 3), times("evening", 100, 400, 0.5)));
    // 0..50 at 1, 50..100 at 3, 100..150 at 1.5, 150..200 at 0.5: (50 + 150 + 75 + 25) / 200.
    assertThat(calendar.meanMultiplier(0, 200)).isCloseTo(1.5, within(1e-12));
    assertThat(calendar.meanMultiplier(400, 500)).isEqualTo(1);
    assertThat(new EventCalendar(List.of(fixed("maintenance", 190, 210, 0))).meanMultiplier(0, 200)).isNaN();
  }

  @Test
  void rebased_movesTimesAndScalesFixedRates() {
    EventCalendar moved = new EventCalendar(List.of(times("sale", 50, 150, 3), fixed("maintenance", 300, 310, 4)))
        .rebased(100, 2.5);
    assertThat(moved.apply(10, -50)).isEqualTo(30);
    assertThat(moved.apply(10, 49.9)).isEqualTo(30);
    assertThat(moved.apply(10, 50)).isEqualTo(10);
    assertThat(moved.apply(7, 205)).isEqualTo(10);
    assertThat(moved.apply(7, 211)).isEqualTo(7);
  }
}
