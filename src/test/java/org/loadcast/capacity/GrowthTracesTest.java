package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.loadcast.forecast.EtsModel;
import org.loadcast.forecast.RateTraces;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.profile.TrafficProfiles;

/** Daily peaks, projections and runways on the real traces of ../shared/data and the NASA profile. */
class GrowthTracesTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Instant NASA_START = OffsetDateTime.parse("1995-07-01T00:00:01-04:00").toInstant();
  private static final Instant WORLD_CUP_START = Instant.parse("1998-04-30T21:30:00Z");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final int BUCKETS_PER_DAY = 86_400 / RateTraces.BUCKET_SECONDS;

  /** July then August, 5-minute buckets; 28 Jul 13:32 to 1 Aug 00:00:01 (no log) and the outage are NaN. */
  static double[] nasaJulyAndAugust() throws IOException {
    double[] july = RateTraces.nasaJuly();
    double[] august = RateTraces.nasaAugust();
    double[] all = new double[31 * BUCKETS_PER_DAY + august.length];
    Arrays.fill(all, Double.NaN);
    System.arraycopy(july, 0, all, 0, july.length);
    System.arraycopy(august, 0, all, 31 * BUCKETS_PER_DAY, august.length);
    return all;
  }

  @Test
  void nasa_fullDaysHavePeaksAndTheOutageDaysAreSkipped() throws IOException {
    DailyPeaks peaks = DailyPeaks.of(nasaJulyAndAugust(), NASA_START, RateTraces.BUCKET_SECONDS, NEW_YORK, 3600, 0);
    // 62 days of July and August; 28-31 July (the July log ends 28 Jul 13:32) and 1-3 August (Hurricane Erin)
    assertThat(peaks.skipped()).extracting(DailyPeaks.SkippedDay::date).containsExactly(
        LocalDate.of(1995, 7, 28), LocalDate.of(1995, 7, 29), LocalDate.of(1995, 7, 30), LocalDate.of(1995, 7, 31),
        LocalDate.of(1995, 8, 1), LocalDate.of(1995, 8, 2), LocalDate.of(1995, 8, 3));
    assertThat(peaks.peaks()).hasSize(55);
    assertThat(peaks.peaks()).allSatisfy(p -> {
      assertThat(p.slots()).isEqualTo(BUCKETS_PER_DAY);
      assertThat(p.missingSlots()).isZero();
      assertThat(p.peakRatePerSecond()).isPositive().isLessThan(20);
    });
    assertThat(peaks.dailySeries()).hasSize(62);
  }

  @Test
  void nasa_dampedProjectionWidensAndReachesARunway() throws IOException {
    DailyPeaks peaks = DailyPeaks.of(nasaJulyAndAugust(), NASA_START, RateTraces.BUCKET_SECONDS, NEW_YORK, 3600, 0);
    GrowthProjection projection = GrowthProjection.ofMonths(peaks, EtsModel.DAMPED_TREND, 12, 95, GrowthAssumptions.NONE);
    assertThat(projection.origin()).isEqualTo(LocalDate.of(1995, 8, 31));
    assertThat(projection.days()).hasSize(366);
    widensWithH(projection);
    // one worker per instance, 0.5 s per request, mean latency at most 1 s
    InstanceModel instance = new InstanceModel(1, 0.5, LatencySlo.meanAtMost(1.0), 0.10);
    CapacityPlan plan = CapacityPlan.of(projection, instance, LoadBalancing.RANDOM_SPLIT, 4);
    assertThat(plan.periods()).hasSize(12);
    report("NASA", projection, plan);
    runwayWithinHorizon(projection, plan, 4);
    Runway smaller = CapacityPlan.of(projection, instance, LoadBalancing.RANDOM_SPLIT, 3).runway();
    assertThat(((Runway.Reached) smaller).date()).isBefore(((Runway.Reached) plan.runway()).date());
    assertThat(CapacityPlan.of(projection, instance, LoadBalancing.RANDOM_SPLIT, 12).runway())
        .isEqualTo(new Runway.NotReached(LocalDate.of(1996, 8, 31), 12));
  }

  @Test
  void nasaProfile_intervalMeansOfTheCurveGiveTheSameDays() throws IOException {
    TrafficProfile profile = TrafficProfiles.read(Path.of("traffic-profiles/nasa-kennedy-1995.yaml"));
    double[] means = profile.rate().intervalMeans(RateTraces.BUCKET_SECONDS);
    Instant start = profile.startTime().toInstant().plusSeconds((long) profile.rate().startSeconds());
    DailyPeaks strict = DailyPeaks.of(means, start, RateTraces.BUCKET_SECONDS, profile.timezone(), 3600, 0);
    DailyPeaks lenient = DailyPeaks.of(means, start, RateTraces.BUCKET_SECONDS, profile.timezone(), 3600, 0.05);
    System.out.printf(Locale.ROOT, "NASA profile: %d days with a peak at 0 %% missing, %d at 5 %%; skipped at 0 %%: %s%n",
        strict.peaks().size(), lenient.peaks().size(), strict.skipped().stream().map(DailyPeaks.SkippedDay::date).toList());
    assertThat(strict.peaks().size() + strict.skipped().size()).isEqualTo(28);
    assertThat(lenient.peaks().size()).isGreaterThanOrEqualTo(strict.peaks().size());
  }

  @Test
  void worldCup_fullDaysHavePeaksAndIntervalsWiden() throws IOException {
    DailyPeaks peaks = DailyPeaks.of(RateTraces.worldCup(), WORLD_CUP_START, RateTraces.BUCKET_SECONDS, PARIS, 3600, 0);
    // 30 April 23:30 Paris to 27 July 00:00 Paris: 30 April is partial; 1 May - 26 July are 87 days, of
    // which 8 May, 17 May and 18 May have minutes missing from the file
    assertThat(peaks.skipped()).extracting(DailyPeaks.SkippedDay::date).containsExactly(LocalDate.of(1998, 4, 30),
        LocalDate.of(1998, 5, 8), LocalDate.of(1998, 5, 17), LocalDate.of(1998, 5, 18));
    assertThat(peaks.peaks()).hasSize(84);
    GrowthProjection projection = GrowthProjection.ofMonths(peaks, EtsModel.DAMPED_TREND, 6, 95, GrowthAssumptions.NONE);
    widensWithH(projection);
    assertThat(projection.days().get(0).peak().point())
        .as("after the final of 12 July the traffic collapses, and the additive trend goes below 0")
        .isLessThan(peaks.peaks().get(peaks.peaks().size() - 1).peakRatePerSecond());
  }

  /** The growth phase: from the opening weeks to the end of the round of 16 (30 June, Paris time). */
  @Test
  void worldCupToTheRoundOf16_runwayComesWithinTheHorizon() throws IOException {
    double[] all = RateTraces.worldCup();
    Instant end = LocalDate.of(1998, 7, 1).atStartOfDay(PARIS).toInstant();
    int buckets = (int) (java.time.Duration.between(WORLD_CUP_START, end).toSeconds() / RateTraces.BUCKET_SECONDS);
    DailyPeaks peaks = DailyPeaks.of(Arrays.copyOf(all, buckets), WORLD_CUP_START, RateTraces.BUCKET_SECONDS, PARIS, 3600, 0);
    assertThat(peaks.peaks()).hasSize(61 - 3);
    GrowthProjection projection = GrowthProjection.ofMonths(peaks, EtsModel.DAMPED_TREND, 6, 95, GrowthAssumptions.NONE);
    assertThat(projection.origin()).isEqualTo(LocalDate.of(1998, 6, 30));
    widensWithH(projection);
    InstanceModel instance = new InstanceModel(8, 0.04, LatencySlo.meanAtMost(0.05), 0.10);
    CapacityPlan plan = CapacityPlan.of(projection, instance, LoadBalancing.RANDOM_SPLIT, 40);
    report("WorldCup98 to 30 June", projection, plan);
    runwayWithinHorizon(projection, plan, 40);
  }

  private static void runwayWithinHorizon(GrowthProjection projection, CapacityPlan plan, int maxInstances) {
    assertThat(plan.runway()).isInstanceOfSatisfying(Runway.Reached.class, r -> {
      assertThat(r.date()).isAfter(projection.origin()).isBeforeOrEqualTo(projection.horizonEnd());
      assertThat(CapacityPlan.instances(r.sizing(), LoadBalancing.RANDOM_SPLIT).getAsInt()).isGreaterThan(maxInstances);
      LocalDate before = r.date().minusDays(1);
      projection.days().stream().filter(d -> d.date().isBefore(r.date())).forEach(d -> assertThat(
          CapacityPlan.instances(plan.instance().size(d.peak().upper()), LoadBalancing.RANDOM_SPLIT).getAsInt())
          .as("instances on %s, before the runway", d.date()).isLessThanOrEqualTo(maxInstances));
      assertThat(before).isAfterOrEqualTo(projection.origin());
    });
  }

  private static void widensWithH(GrowthProjection projection) {
    List<GrowthProjection.ProjectedDay> days = projection.days();
    for (int i = 1; i < days.size(); i++) {
      assertThat(days.get(i).fitted().width()).isGreaterThanOrEqualTo(days.get(i - 1).fitted().width());
    }
    assertThat(days.get(days.size() - 1).fitted().width()).isGreaterThan(days.get(0).fitted().width());
  }

  private static void report(String name, GrowthProjection projection, CapacityPlan plan) {
    System.out.printf(Locale.ROOT, "%s: %s α=%.4f β=%.4f φ=%.4f σ=%.4f, origin %s, last peak forecast %s%n", name,
        projection.method().etsName(), projection.fit().alpha(), projection.fit().beta(), projection.fit().damping(),
        Math.sqrt(projection.fit().residualVariance()), projection.origin(), projection.days().get(0).peak());
    for (CapacityPlan.Period p : plan.periods()) {
      System.out.printf(Locale.ROOT, "  %s..%s peak %s upper %.3f point %.3f instances %s cost %s%n", p.from(), p.to(),
          p.peakDate(), p.peak().upper(), p.peak().point(), p.plannedInstances(), p.cost());
    }
    System.out.println("  runway " + plan.runway());
  }
}
