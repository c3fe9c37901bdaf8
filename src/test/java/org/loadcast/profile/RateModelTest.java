package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.RateModel.Burst;
import org.loadcast.profile.RateModel.BurstShape;
import org.loadcast.profile.RateModel.Noise;
import org.loadcast.profile.RateModel.SeasonalShape;
import org.loadcast.profile.RateModel.Trend;
import org.loadcast.profile.RateModel.TrendType;

class RateModelTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  /** A Monday, midnight UTC. */
  private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2024-01-01T00:00:00Z");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final double HOUR = 3600;
  private static final double DAY = 86_400;

  private static RateModel flat(double base, Burst... bursts) {
    return new RateModel(30 * DAY, base, null, null, null, List.of(bursts), null);
  }

  private static RateModel withDaily(List<Double> factors, Interpolation interpolation) {
    return new RateModel(30 * DAY, 10, new SeasonalShape(factors, interpolation), null, null, null, null);
  }

  private static List<Double> hourFactors() {
    List<Double> factors = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      factors.add(h + 1.0);
    }
    return factors;
  }

  @Test
  void expectedRatePerSecond_noComponents_isTheBase() {
    assertThat(flat(5).expectedRatePerSecond(12_345, MONDAY, UTC)).isEqualTo(5);
  }

  @Test
  void expectedRatePerSecond_dailyStep_isConstantWithinABin() {
    RateModel model = withDaily(List.of(1.0, 2.0, 3.0, 4.0), Interpolation.STEP);
    assertThat(model.expectedRatePerSecond(6 * HOUR, MONDAY, UTC)).isEqualTo(20);
    assertThat(model.expectedRatePerSecond(11.99 * HOUR, MONDAY, UTC)).isEqualTo(20);
    assertThat(model.expectedRatePerSecond(23.5 * HOUR, MONDAY, UTC)).isEqualTo(40);
  }

  @Test
  void expectedRatePerSecond_dailyLinear_interpolatesBetweenMidpointsAcrossMidnight() {
    // bins of 6 h with midpoints 03:00, 09:00, 15:00, 21:00
    RateModel model = withDaily(List.of(1.0, 2.0, 3.0, 4.0), Interpolation.LINEAR);
    assertThat(model.expectedRatePerSecond(3 * HOUR, MONDAY, UTC)).isCloseTo(10, within(1e-9));
    assertThat(model.expectedRatePerSecond(6 * HOUR, MONDAY, UTC)).isCloseTo(15, within(1e-9));
    // midnight: halfway from 21:00 (4) to 03:00 (1) = 2.5
    assertThat(model.expectedRatePerSecond(DAY, MONDAY, UTC)).isCloseTo(25, within(1e-9));
    // 22:30: a quarter of the way from 4 to 1 = 3.25
    assertThat(model.expectedRatePerSecond(22.5 * HOUR, MONDAY, UTC)).isCloseTo(32.5, within(1e-9));
  }

  @Test
  void expectedRatePerSecond_nullInterpolation_isLinear() {
    assertThat(new SeasonalShape(List.of(1.0), null).interpolation()).isEqualTo(Interpolation.LINEAR);
  }

  @Test
  void expectedRatePerSecond_weeklyStep_followsTheLocalDay() {
    SeasonalShape weekly = new SeasonalShape(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 3.0), Interpolation.STEP);
    RateModel model = new RateModel(30 * DAY, 10, null, weekly, null, null, null);
    assertThat(model.expectedRatePerSecond(5 * DAY + HOUR, MONDAY, UTC)).isEqualTo(20); // Saturday
    assertThat(model.expectedRatePerSecond(6 * DAY + HOUR, MONDAY, UTC)).isEqualTo(30); // Sunday
    assertThat(model.expectedRatePerSecond(7 * DAY + HOUR, MONDAY, UTC)).isEqualTo(10); // Monday
  }

  @Test
  void expectedRatePerSecond_weeklyLinear_interpolatesBetweenDayMidpointsCyclically() {
    SeasonalShape weekly = new SeasonalShape(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 3.0), Interpolation.LINEAR);
    RateModel model = new RateModel(30 * DAY, 10, null, weekly, null, null, null);
    assertThat(model.expectedRatePerSecond(5.5 * DAY, MONDAY, UTC)).isCloseTo(20, within(1e-9));
    assertThat(model.expectedRatePerSecond(6 * DAY, MONDAY, UTC)).isCloseTo(25, within(1e-9));
    // Monday 00:00: halfway from Sunday noon (3) to Monday noon (1)
    assertThat(model.expectedRatePerSecond(0, MONDAY, UTC)).isCloseTo(20, within(1e-9));
  }

  @Test
  void expectedRatePerSecond_startOffsetFromZone_readsLocalTime() {
    RateModel model = withDaily(hourFactors(), Interpolation.STEP);
    // 00:00 UTC is 19:00 the evening before in New York (EST, winter)
    assertThat(model.expectedRatePerSecond(0, MONDAY, NEW_YORK)).isEqualTo(200);
  }

  @Test
  void expectedRatePerSecond_springForwardDay_skipsTheMissingLocalHour() {
    OffsetDateTime start = OffsetDateTime.parse("2024-03-10T00:00:00-05:00"); // 23-hour day
    SeasonalShape weekly = new SeasonalShape(List.of(7.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0), Interpolation.STEP);
    RateModel model = new RateModel(3 * DAY, 1, new SeasonalShape(hourFactors(), Interpolation.STEP), weekly,
        null, null, null);
    assertThat(model.expectedRatePerSecond(1.5 * HOUR, start, NEW_YORK)).isEqualTo(2); // 01:30 EST
    assertThat(model.expectedRatePerSecond(2.5 * HOUR, start, NEW_YORK)).isEqualTo(4); // 03:30 EDT
    assertThat(model.expectedRatePerSecond(22.5 * HOUR, start, NEW_YORK)).isEqualTo(24); // 23:30 EDT, Sunday
    assertThat(model.expectedRatePerSecond(23 * HOUR, start, NEW_YORK)).isEqualTo(7); // Monday 00:00 EDT
  }

  @Test
  void expectedRatePerSecond_fallBackDay_repeatsTheLocalHour() {
    OffsetDateTime start = OffsetDateTime.parse("2024-11-03T00:00:00-04:00"); // 25-hour day
    RateModel model = new RateModel(3 * DAY, 1, new SeasonalShape(hourFactors(), Interpolation.STEP), null,
        null, null, null);
    assertThat(model.expectedRatePerSecond(1.5 * HOUR, start, NEW_YORK)).isEqualTo(2); // 01:30 EDT
    assertThat(model.expectedRatePerSecond(2.5 * HOUR, start, NEW_YORK)).isEqualTo(2); // 01:30 EST
    assertThat(model.expectedRatePerSecond(3.5 * HOUR, start, NEW_YORK)).isEqualTo(3); // 02:30 EST
    assertThat(model.expectedRatePerSecond(24.5 * HOUR, start, NEW_YORK)).isEqualTo(24); // 23:30 EST
    assertThat(model.expectedRatePerSecond(25 * HOUR, start, NEW_YORK)).isEqualTo(1); // next 00:00
  }

  @Test
  void expectedRatePerSecond_linearTrend_addsGrowthPerDay() {
    RateModel model = new RateModel(30 * DAY, 10, null, null, new Trend(TrendType.LINEAR, 0.1), null, null);
    assertThat(model.expectedRatePerSecond(2 * DAY, MONDAY, UTC)).isCloseTo(12, within(1e-9));
    assertThat(model.expectedRatePerSecond(0.5 * DAY, MONDAY, UTC)).isCloseTo(10.5, within(1e-9));
  }

  @Test
  void expectedRatePerSecond_exponentialTrend_compoundsPerDay() {
    RateModel model = new RateModel(30 * DAY, 10, null, null, new Trend(TrendType.EXPONENTIAL, 0.1), null, null);
    assertThat(model.expectedRatePerSecond(2 * DAY, MONDAY, UTC)).isCloseTo(12.1, within(1e-9));
    assertThat(model.expectedRatePerSecond(0.5 * DAY, MONDAY, UTC)).isCloseTo(10 * Math.sqrt(1.1), within(1e-9));
  }

  @Test
  void expectedRatePerSecond_rectangleBurst_holdsThePeakForItsDurationOnly() {
    RateModel model = flat(10, new Burst(100, 50, 3, BurstShape.RECTANGLE));
    assertThat(model.expectedRatePerSecond(99.9, MONDAY, UTC)).isEqualTo(10);
    assertThat(model.expectedRatePerSecond(100, MONDAY, UTC)).isEqualTo(30);
    assertThat(model.expectedRatePerSecond(149.9, MONDAY, UTC)).isEqualTo(30);
    assertThat(model.expectedRatePerSecond(150, MONDAY, UTC)).isEqualTo(10);
  }

  @Test
  void expectedRatePerSecond_triangleBurst_peaksAtMidBurst() {
    RateModel model = flat(10, new Burst(100, 50, 3, BurstShape.TRIANGLE));
    assertThat(model.expectedRatePerSecond(100, MONDAY, UTC)).isCloseTo(10, within(1e-9));
    assertThat(model.expectedRatePerSecond(112.5, MONDAY, UTC)).isCloseTo(20, within(1e-9));
    assertThat(model.expectedRatePerSecond(125, MONDAY, UTC)).isCloseTo(30, within(1e-9));
  }

  @Test
  void expectedRatePerSecond_flashCrowd_risesInstantlyAndDecays() {
    RateModel model = flat(10, new Burst(100, 50, 3, BurstShape.FLASH_CROWD));
    assertThat(model.expectedRatePerSecond(100, MONDAY, UTC)).isCloseTo(30, within(1e-9));
    assertThat(model.expectedRatePerSecond(110, MONDAY, UTC)).isCloseTo(10 * (1 + 2 * Math.exp(-1)), within(1e-9));
  }

  @Test
  void expectedRatePerSecond_peakBelowOne_isADipAndOverlappingBurstsMultiply() {
    RateModel model = flat(10, new Burst(0, 100, 0.5, BurstShape.RECTANGLE),
        new Burst(50, 100, 3, BurstShape.RECTANGLE));
    assertThat(model.expectedRatePerSecond(10, MONDAY, UTC)).isEqualTo(5);
    assertThat(model.expectedRatePerSecond(60, MONDAY, UTC)).isEqualTo(15);
  }

  @Test
  void expectedRatePerSecond_outsideTheModel_throws() {
    assertThatThrownBy(() -> flat(1).expectedRatePerSecond(30 * DAY, MONDAY, UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("atSeconds must be in [0, 2592000.0), but was 2592000.0");
  }

  @Test
  void toCurve_noiseFree_integralEqualsTheAnalyticalIntegral() {
    // hourly step shape (aligned with the bins), 5 %/day compound growth and three bursts over 3 days
    double growth = 0.05;
    List<Burst> bursts = List.of(new Burst(10 * HOUR, 2 * HOUR, 4, BurstShape.RECTANGLE),
        new Burst(30 * HOUR, 3600, 3, BurstShape.TRIANGLE), new Burst(50 * HOUR, 3600, 2, BurstShape.FLASH_CROWD));
    RateModel model = new RateModel(3 * DAY, 2, new SeasonalShape(hourFactors(), Interpolation.STEP), null,
        new Trend(TrendType.EXPONENTIAL, growth), bursts, null);
    RateCurve curve = model.toCurve(MONDAY, UTC, 1, 600);
    double k = Math.log1p(growth) / DAY;
    double expected = 0;
    for (int h = 0; h < 72; h++) {
      double level = 2 * (h % 24 + 1) * (h == 10 || h == 11 ? 4 : 1);
      expected += level * linearTimesExp(1, 0, k, h * HOUR, (h + 1) * HOUR);
    }
    // triangle: +2·s(t) over hour 30 at level 2·7; flash crowd: +1·exp(−5u) over hour 50 at level 2·3
    double t30 = 30 * HOUR;
    expected += 14 * 2 * (linearTimesExp(-t30 / 1800, 1 / 1800.0, k, t30, t30 + 1800)
        + linearTimesExp(2 + t30 / 1800, -1 / 1800.0, k, t30 + 1800, t30 + 3600));
    double t50 = 50 * HOUR;
    double c = k - 5 / 3600.0;
    expected += 6 * Math.exp(5 * t50 / 3600.0) * (Math.exp(c * (t50 + 3600)) - Math.exp(c * t50)) / c;
    // midpoint rule on 1 s sub-steps: relative error below (5/3600)^2/24 = 8e-8 for the flash crowd
    assertThat(curve.integral(0, 3 * DAY)).isCloseTo(expected, within(expected * 1e-7));
    assertThat(curve.endSeconds()).isEqualTo(3 * DAY);
    assertThat(curve.pointCount()).isEqualTo(3 * 144 + 1);
    assertThat(curve.interpolation()).isEqualTo(Interpolation.STEP);
  }

  /** Returns the integral of (a + b·t)·e^(k·t) from t0 to t1. */
  private static double linearTimesExp(double a, double b, double k, double t0, double t1) {
    return primitive(a, b, k, t1) - primitive(a, b, k, t0);
  }

  private static double primitive(double a, double b, double k, double t) {
    return Math.exp(k * t) * ((a + b * t) / k - b / (k * k));
  }

  @Test
  void toCurve_durationNotAMultipleOfTheResolution_endsWithAShorterBin() {
    RateModel model = new RateModel(150, 4, null, null, null, null, null);
    RateCurve curve = model.toCurve(MONDAY, UTC, 1, 60);
    assertThat(curve.pointCount()).isEqualTo(4);
    assertThat(curve.atSeconds(2)).isEqualTo(120);
    assertThat(curve.endSeconds()).isEqualTo(150);
    assertThat(curve.integral(0, 150)).isCloseTo(600, within(1e-9));
  }

  @Test
  void toCurve_noise_hasMeanOneAndTheStatedRelativeStdDevOverManyBlocks() {
    int blocks = 20_000;
    RateModel model = new RateModel(60.0 * blocks, 10, null, null, null, null, new Noise(0.5, 60));
    RateCurve curve = model.toCurve(MONDAY, UTC, 42, 60);
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < blocks; i++) {
      double factor = curve.ratePerSecond(i) / 10;
      sum += factor;
      sumSquares += factor * factor;
    }
    double mean = sum / blocks;
    double std = Math.sqrt(sumSquares / blocks - mean * mean);
    // standard error of the mean: 0.5 / sqrt(20000) = 0.0035; tolerance about 4 standard errors
    assertThat(mean).isCloseTo(1, within(0.015));
    assertThat(std).isCloseTo(0.5, within(0.03));
  }

  @Test
  void toCurve_noise_isPiecewiseConstantPerIntervalAndDeterministicPerSeed() {
    RateModel model = new RateModel(3600, 10, null, null, null, null, new Noise(0.3, 120));
    RateCurve first = model.toCurve(MONDAY, UTC, 7, 60);
    RateCurve again = model.toCurve(MONDAY, UTC, 7, 60);
    RateCurve other = model.toCurve(MONDAY, UTC, 8, 60);
    for (int i = 0; i < 60; i += 2) {
      assertThat(first.ratePerSecond(i)).isEqualTo(first.ratePerSecond(i + 1));
      assertThat(again.ratePerSecond(i)).isEqualTo(first.ratePerSecond(i));
    }
    assertThat(other.ratePerSecond(0)).isNotEqualTo(first.ratePerSecond(0));
  }

  @Test
  void toCurve_thirtyDaysAtOneMinute_materializesWellUnderASecond() {
    List<Burst> bursts = new ArrayList<>();
    for (int d = 0; d < 30; d++) {
      bursts.add(new Burst(d * DAY + 10 * HOUR, 4 * HOUR, 2, BurstShape.TRIANGLE));
    }
    RateModel model = new RateModel(30 * DAY, 10, new SeasonalShape(hourFactors(), Interpolation.LINEAR),
        new SeasonalShape(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5), Interpolation.LINEAR),
        new Trend(TrendType.EXPONENTIAL, 0.01), bursts, new Noise(0.1, 300));
    model.toCurve(MONDAY, NEW_YORK, 1, 60); // warm-up
    long started = System.nanoTime();
    RateCurve curve = model.toCurve(MONDAY, NEW_YORK, 1, 60);
    double elapsedSeconds = (System.nanoTime() - started) / 1e9;
    assertThat(curve.pointCount()).isEqualTo(30 * 1440 + 1);
    assertThat(elapsedSeconds).isLessThan(1.0);
  }

  @Test
  void parameterCount_countsEveryFreeNumber() {
    RateModel model = new RateModel(DAY, 1, new SeasonalShape(hourFactors(), Interpolation.STEP),
        new SeasonalShape(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0), null), new Trend(TrendType.LINEAR, 0),
        List.of(new Burst(0, 10, 2, BurstShape.RECTANGLE), new Burst(20, 10, 2, BurstShape.TRIANGLE)),
        new Noise(0.1, 60));
    assertThat(model.parameterCount()).isEqualTo(1 + 24 + 7 + 1 + 6 + 2);
    assertThat(flat(1).parameterCount()).isEqualTo(1);
  }

  @Test
  void constructor_nullBursts_isAnEmptyList() {
    assertThat(new RateModel(10, 1, null, null, null, null, null).bursts()).isEmpty();
  }

  @Test
  void constructor_invalidValues_nameTheFieldAndTheValue() {
    assertInvalid(() -> new RateModel(-5, 1, null, null, null, null, null), "durationSeconds must be > 0, but was -5.0");
    // found by YamlProfilePropertyTest: durationSeconds 1e308 made a curve of -2^31 points
    assertInvalid(() -> new RateModel(1e308, 1, null, null, null, null, null), "durationSeconds must be <= 63158400 (731 days), but was 1.0E308");
    assertThat(new RateModel(RateModel.MAX_DURATION_SECONDS, 1, null, null, null, null, null).durationSeconds()).isEqualTo(63_158_400.0);
    assertInvalid(() -> new RateModel(10, Double.NaN, null, null, null, null, null),
        "baseRatePerSecond must be >= 0, but was NaN");
    assertInvalid(() -> new SeasonalShape(List.of(1.0, 2.0, 3.0, -1.0), null), "factors[3] must be >= 0, but was -1.0");
    assertInvalid(() -> new SeasonalShape(List.of(), null), "factors must have at least 1 value, but had 0");
    assertInvalid(() -> new SeasonalShape(List.of(0.0, 0.0), null),
        "factors must have at least one value > 0, but were all 0");
    assertInvalid(() -> new RateModel(10, 1, new SeasonalShape(new ArrayList<>(java.util.Collections.nCopies(1441, 1.0)),
        null), null, null, null, null), "daily.factors must have 1 to 1440 values, but had 1441");
    assertInvalid(() -> new RateModel(10, 1, null, new SeasonalShape(List.of(1.0, 2.0), null), null, null, null),
        "weekly.factors must have exactly 7 values (Monday..Sunday), but had 2");
    assertInvalid(() -> new Trend(TrendType.EXPONENTIAL, -1), "growthPerDay must be a finite number > -1, but was -1.0");
    assertInvalid(() -> new Trend(null, 0), "type must be linear or exponential, but was null");
    assertInvalid(() -> new RateModel(10 * DAY, 1, null, null, new Trend(TrendType.LINEAR, -0.2), null, null),
        "trend.growthPerDay must keep the linear trend > 0 until durationSeconds (1 + g·durationSeconds/86400 = -1.0),"
            + " but was -0.2");
    assertInvalid(() -> new Burst(-1, 10, 2, BurstShape.RECTANGLE), "startSeconds must be >= 0, but was -1.0");
    assertInvalid(() -> new Burst(0, 0, 2, BurstShape.RECTANGLE), "durationSeconds must be > 0, but was 0.0");
    assertInvalid(() -> new Burst(0, 10, 0, BurstShape.RECTANGLE), "peakFactor must be > 0, but was 0.0");
    assertInvalid(() -> new Burst(0, 10, 2, null), "shape must be rectangle, triangle or flashCrowd, but was null");
    assertInvalid(() -> new Noise(2.5, 60), "relativeStdDev must be in [0, 2], but was 2.5");
    assertInvalid(() -> new Noise(0.1, 0.5), "intervalSeconds must be >= 1, but was 0.5");
    List<Burst> withNull = new ArrayList<>();
    withNull.add(null);
    assertInvalid(() -> new RateModel(10, 1, null, null, null, withNull, null), "bursts[0] must not be null, but was null");
    assertInvalid(() -> flat(1).toCurve(MONDAY, UTC, 1, 0), "resolutionSeconds must be > 0, but was 0.0");
  }

  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void jackson_roundTrip_usesTheYamlNamesOfTheEnums() throws Exception {
    RateModel model = new RateModel(DAY, 2, new SeasonalShape(List.of(1.0, 2.0), Interpolation.STEP), null,
        new Trend(TrendType.EXPONENTIAL, 0.01), List.of(new Burst(0, 10, 2, BurstShape.FLASH_CROWD)), null);
    ObjectMapper mapper = new ObjectMapper();
    String json = mapper.writeValueAsString(model);
    assertThat(json).contains("\"exponential\"", "\"flashCrowd\"", "\"step\"");
    assertThat(mapper.readValue(json, RateModel.class)).isEqualTo(model);
  }
}
