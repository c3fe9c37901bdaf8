package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Derivation on the real NASA KSC July 1995 series and August log slice. */
class ProfileDerivationTest {
  private static final Path JULY = Path.of("traffic-profiles/sources/nasa/nasa_ksc_1995-07_requests_per_second.txt.gz");
  private static final Path AUGUST_LOG = Path.of("traffic-profiles/sources/nasa/nasa_ksc_1995-08-01_first20000.log.gz");
  private static int[] july;

  @BeforeAll
  static void readSeries() {
    july = TrafficSources.readCountsPerSecond(JULY);
  }

  @Test
  void readCountsPerSecond_julySeries_matchesItsPublishedLengthAndSum() {
    assertThat(july).hasSize(2_381_544);
    assertThat(Arrays.stream(july).asLongStream().sum()).isEqualTo(1_891_713);
    assertThat(Arrays.stream(july).max().orElseThrow()).isEqualTo(20);
  }

  @Test
  void curveFromCounts_rawBuckets_observedIntegralEqualsTheSeriesTotal() {
    RateCurve curve = ProfileDerivation.curveFromCounts(july, 60, MissingDataRule.DEFAULT);
    double observed = curve.integral(curve.startSeconds(), curve.endSeconds());
    for (TimeRange missing : curve.missing()) {
      observed -= curve.integral(missing.fromSeconds(), missing.toSeconds());
    }
    assertThat(observed).isCloseTo(1_891_713, within(1e-3));
    assertThat(curve.endSeconds()).isEqualTo(2_381_544);
    assertThat(curve.pointCount()).isEqualTo(39_693 + 1);
  }

  @Test
  void findMissing_julyOutageOnLaunchDay_isMissingNotQuiet() {
    List<TimeRange> missing = ProfileDerivation.findMissing(july, MissingDataRule.DEFAULT);
    // 1995-07-13 19:49:00 EDT is second 12 * 86400 + 71339 of the series: 1325 empty seconds
    assertThat(missing).contains(new TimeRange(1_108_139, 1_109_464));
    assertThat(missing).allSatisfy(r -> assertThat(r.durationSeconds()).isGreaterThanOrEqualTo(60));
  }

  @Test
  void findMissing_quietNight_isNotMissing() {
    int[] counts = new int[7_200];
    for (int i = 0; i < counts.length; i += 20) {
      counts[i] = 1; // one request every 20 s
    }
    Arrays.fill(counts, 3_000, 3_120, 0); // a 120 s lull: λL = 6, far from 1e-9 surprise
    assertThat(ProfileDerivation.findMissing(counts, MissingDataRule.DEFAULT)).isEmpty();
  }

  @Test
  void findMissing_busyHourGap_isMissing() {
    int[] counts = new int[7_200];
    Arrays.fill(counts, 1);
    Arrays.fill(counts, 3_000, 3_100, 0); // 100 s empty at one request per second: λL = 100
    assertThat(ProfileDerivation.findMissing(counts, MissingDataRule.DEFAULT)).containsExactly(new TimeRange(3_000, 3_100));
  }

  @Test
  void intensityFromCounts_smoothingKeepsTheTotalAndDropsTheNoise() {
    ProfileDerivation.DerivedCurve smooth = ProfileDerivation.intensityFromCounts(july, 60, MissingDataRule.DEFAULT, 300);
    RateCurve raw = ProfileDerivation.curveFromCounts(july, 60, MissingDataRule.DEFAULT);
    RateCurve curve = smooth.curve();
    assertThat(smooth.bandwidthSeconds()).isEqualTo(300);
    assertThat(curve.missing()).isEqualTo(raw.missing());
    double rawTotal = raw.integral(raw.startSeconds(), raw.endSeconds());
    assertThat(curve.integral(curve.startSeconds(), curve.endSeconds())).isCloseTo(rawTotal, within(0.01 * rawTotal));
    assertThat(roughness(curve)).isLessThan(0.5 * roughness(raw));
  }

  @Test
  void intensityFromCounts_crossValidation_choosesACandidateBandwidth() {
    int[] firstWeek = Arrays.copyOf(july, 7 * 86_400);
    ProfileDerivation.DerivedCurve chosen = ProfileDerivation.intensityFromCounts(firstWeek, 60, MissingDataRule.DEFAULT, Double.NaN);
    assertThat(chosen.bandwidthChosen()).isTrue();
    assertThat(chosen.bandwidthSeconds()).isBetween(30.0, 48 * 60.0);
  }

  /** Mean absolute difference between neighbouring bucket rates. */
  private static double roughness(RateCurve curve) {
    double sum = 0;
    for (int i = 1; i < curve.pointCount() - 1; i++) {
      sum += Math.abs(curve.ratePerSecond(i) - curve.ratePerSecond(i - 1));
    }
    return sum / (curve.pointCount() - 2);
  }

  @Test
  void mixFromLog_augustSlice_ranksTheMostRequestedPaths() {
    TrafficSources.AccessLog log = TrafficSources.readAccessLog(AUGUST_LOG);
    assertThat(log.entries()).hasSize(20_000);
    assertThat(log.skippedLines()).isEmpty();
    RequestMix mix = ProfileDerivation.mixFromLog(log.entries(), 5);
    assertThat(mix.requests()).hasSize(5);
    assertThat(mix.requests().get(0)).isEqualTo(
        new RequestTemplate("GET /images/NASA-logosmall.gif", "GET", "/images/NASA-logosmall.gif", 1304));
    assertThat(mix.requests()).isSortedAccordingTo((a, b) -> Double.compare(b.weight(), a.weight()));
  }

  @Test
  void countsPerSecond_augustSlice_matchesTheAugustSeriesStart() {
    TrafficSources.AccessLog log = TrafficSources.readAccessLog(AUGUST_LOG);
    int[] counts = ProfileDerivation.countsPerSecond(log.entries());
    assertThat(ProfileDerivation.firstTime(log.entries()).toString()).isEqualTo("1995-08-01T00:00:01-04:00");
    assertThat(Arrays.stream(counts).sum()).isEqualTo(20_000);
    assertThat(counts).hasSize(39_569);
  }
}
