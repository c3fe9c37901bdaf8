package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.autoscale.HpaBehavior;
import org.loadcast.autoscale.HpaController;
import org.loadcast.autoscale.ArrivalForecast;
import org.loadcast.autoscale.HpaPolicy;
import org.loadcast.autoscale.ScalingRules;
import org.loadcast.autoscale.HybridPolicy;
import org.loadcast.autoscale.PredictivePolicy;
import org.loadcast.autoscale.AdjustmentType;
import org.loadcast.autoscale.AwsPredictivePolicy;
import org.loadcast.autoscale.ScheduledAction;
import org.loadcast.autoscale.StepAdjustment;
import org.loadcast.autoscale.StepAlarm;
import org.loadcast.autoscale.StepScalingPolicy;
import org.loadcast.autoscale.TargetTrackingPolicy;
import org.loadcast.capacity.GrowthAssumptions;
import org.loadcast.capacity.GrowthSettings;
import org.loadcast.forecast.EtsModel;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.Phase;
import org.loadcast.sim.MetricWindow;

/** The experiment files: the two that ship, and one broken copy per rule. */
class ExperimentsTest {
  private static final String AWS = "simulations/aws-policies.yaml";
  private static final String HYBRID = "simulations/hybrid-policies.yaml";

  @TempDir
  Path dir;

  @Test
  void read_shippedExperiments_buildTheirPolicies() {
    for (String file : List.of("simulations/nasa-reactive-vs-predictive.yaml", "simulations/smoke.yaml")) {
      Experiment e = Experiments.read(Path.of(file));
      assertThat(e.policies()).extracting(NamedPolicy::name).startsWith("reactive-hpa", "predictive-holt-winters");
      assertThat(e.policies().get(0).policy()).isInstanceOf(HpaPolicy.class);
      assertThat(e.policies().get(1).policy()).isInstanceOf(PredictivePolicy.class);
      assertThat(e.loadTest()).isPresent();
    }
    Experiment nasa = Experiments.read(Path.of("simulations/nasa-reactive-vs-predictive.yaml"));
    assertThat(nasa.policies()).extracting(p -> p.policy().getClass().getSimpleName()).containsExactly(
        "HpaPolicy", "PredictivePolicy", "PredictivePolicy", "TargetTrackingPolicy", "AwsPredictivePolicy", "HybridPolicy");
    assertThat(((PredictivePolicy) nasa.policies().get(1).policy()).forecastMethod()).isEqualTo(ArrivalForecast.HOLT_WINTERS);
    assertThat(((PredictivePolicy) nasa.policies().get(2).policy()).forecastMethod())
        .isEqualTo(ArrivalForecast.ADAPTIVE_COMBINATION);
    assertThat(nasa.horizonSeconds()).isEqualTo(604_800);
    assertThat(nasa.profile().wallClock(nasa.horizonStartSeconds()).toLocalDate().toString()).isEqualTo("1995-07-21");
    assertThat(nasa.profile().wallClock(nasa.replayStartSeconds()).toLocalDate().toString()).isEqualTo("1995-07-13");
  }

  private List<String> problems(String from, String to) throws IOException {
    return problems("simulations/smoke.yaml", from, to);
  }

  private List<String> problems(String experiment, String from, String to) throws IOException {
    String text = Files.readString(Path.of(experiment))
        .replace("profile: ../traffic-profiles/", "profile: " + Path.of("traffic-profiles").toAbsolutePath() + "/");
    assertThat(text).contains(from);
    Path file = dir.resolve("e.yaml");
    Files.writeString(file, text.replace(from, to));
    InputException e = catchThrowableOfType(InputException.class, () -> Experiments.read(file));
    assertThat(e).as("expected the experiment to be rejected").isNotNull();
    return e.problems().stream().map(InputProblem::toString).map(s -> s.substring(file.toString().length() + 1)).toList();
  }

  @Test
  void read_policyWithAnEmptyName_isLocated_notAnInternalError() throws IOException {
    // found by ExperimentPropertyTest: "- name: " threw IllegalArgumentException from NamedPolicy
    assertThat(problems("  - name: reactive-hpa\n", "  - name: \n")).containsExactly(
        "49:10: policies[0].name must be a non-empty text, but was ''",
        "56:15: policies[1].reactive must name an hpa policy listed before this one, but was 'reactive-hpa'; hpa policies: none");
  }

  @Test
  void read_profileNull_isLocated_notAnInternalError() throws IOException {
    // found by ExperimentPropertyTest: "profile: null" threw a NullPointerException; so did an empty name
    Path file = dir.resolve("null-profile.yaml");
    Files.writeString(file, Files.readString(Path.of("simulations/smoke.yaml")).replaceFirst("\nprofile: .*\n", "\nprofile: null\n"));
    assertThatThrownBy(() -> Experiments.read(file)).hasMessage(file + ":8:10: profile is required, but was null");
    Files.writeString(file, Files.readString(Path.of("simulations/smoke.yaml")).replaceFirst("\nprofile: .*\n", "\nprofile: ''\n"));
    assertThatThrownBy(() -> Experiments.read(file))
        .hasMessage(file + ":8:10: profile must name the traffic profile's file, but was ''");
  }

  @Test
  void read_requiredKeyWithANullValue_isLocated_notAnInternalError() throws IOException {
    // found by ExperimentPropertyTest: "distribution: null" threw a NullPointerException
    assertThat(problems("distribution: lognormal", "distribution: ~")).containsExactly(
        "36:21: simulation.service.serviceTime.distribution is required, but was null");
  }

  @Test
  void read_numberBeyondTheLargestDouble_isRefused_notReadAsInfinity() throws IOException {
    // found by YamlProfilePropertyTest: 1e309 was read as infinity, which ">= 0" lets through
    assertThat(problems("pricePerHour: 0.096", "pricePerHour: 1e309")).containsExactly(
        "42:19: simulation.instances.pricePerHour must be a finite number, but was '1e309', beyond the largest number (about 1.8e308)");
  }

  @Test
  void read_misspelledPolicyType_listsTheTypes() throws IOException {
    assertThat(problems("type: predictive", "type: predictiv")).containsExactly(
        "55:11: policies[1].type must be one of aws-predictive, hpa, hybrid, predictive, step-scaling, target-tracking, but was 'predictiv' (did you mean 'predictive'?)");
  }

  @Test
  void read_seasonalityWithTheDefaultForecaster_isRejectedAtTheKey() throws IOException {
    assertThat(problems("    forecastMethod: holt-winters\n", "    seasonality: multiplicative\n")).containsExactly(
        "57:18: policies[1].seasonality applies to forecastMethod holt-winters only, but was multiplicative with "
            + "forecastMethod adaptive-combination");
  }

  @Test
  void read_misspelledForecastMethod_listsTheMethods() throws IOException {
    assertThat(problems("forecastMethod: holt-winters", "forecastMethod: holt")).containsExactly(
        "57:21: policies[1].forecastMethod must be one of adaptive-combination, holt-winters, but was 'holt'");
  }

  @Test
  void read_awsPolicies_buildsEveryType() {
    Experiment e = Experiments.read(Path.of("simulations/aws-policies.yaml"));
    assertThat(e.policies()).extracting(NamedPolicy::name).startsWith("reactive-hpa", "aws-target-tracking");
    TargetTrackingPolicy tt = (TargetTrackingPolicy) e.policies().get(1).policy();
    assertThat(tt).isEqualTo(new TargetTrackingPolicy(60, 1, 20, null, 60, 3, 15, 0.9, false, List.of()));
  }

  @Test
  void read_targetTrackingOutOfRange_isLocated() throws IOException {
    assertThat(problems(AWS, "targetUtilizationPercent: 60", "targetUtilizationPercent: 0")).singleElement().asString()
        .isEqualTo("62:31: policies[1].targetUtilizationPercent must be in (0, 100], but was 0.0");
    assertThat(problems(AWS, "    # scaleInThresholdFraction: 0.9", "    scaleInThresholdFraction: 1.5")).singleElement().asString()
        .endsWith("policies[1].scaleInThresholdFraction must be in (0, 1], but was 1.5");
  }

  @Test
  void read_misspelledTargetTrackingKey_suggestsTheKey() throws IOException {
    assertThat(problems(AWS, "    # scaleInDatapoints: 15", "    scaleInDatapoint: 15")).singleElement().asString()
        .contains("scaleInDatapoint").contains("(did you mean 'scaleInDatapoints'?)");
  }

  @Test
  void read_badScheduledActions_areEachLocatedAtTheirCron() throws IOException {
    String schedule = "    scheduled:\n      - cron: \"0 25 * * *\"\n        minCapacity: 2\n"
        + "      - cron: \"0 8 1 * *\"\n        minCapacity: 2\n      - cron: \"0 8 * * MON-FRI\"\n";
    List<String> found = problems(AWS, "    # scaleInDisabled: false\n", "    # scaleInDisabled: false\n" + schedule);
    assertThat(found).hasSize(3);
    assertThat(found.get(0)).isEqualTo(
        "72:15: policies[1].scheduled[0].cron's hour must be a number in 0..23 or '*', but was '25' in '0 25 * * *'");
    assertThat(found.get(1)).contains("policies[1].scheduled[1].cron's day-of-month and month must be '*'");
    assertThat(found.get(2)).contains("policies[1].scheduled[2].minCapacity or maxCapacity is required");
  }

  @Test
  void read_awsStepScaling_buildsTheAlarmsAndSchedule() {
    Experiment e = Experiments.read(Path.of(AWS));
    StepScalingPolicy st = (StepScalingPolicy) e.policies().get(2).policy();
    assertThat(st.scaleOut()).isEqualTo(new StepAlarm(true, 70, 2, AdjustmentType.PERCENT_CHANGE_IN_CAPACITY, 1, List.of(
        new StepAdjustment(0.0, 15.0, 25), new StepAdjustment(15.0, null, 60))));
    assertThat(st.scaleIn()).isEqualTo(new StepAlarm(false, 35, 15, AdjustmentType.CHANGE_IN_CAPACITY, null, List.of(
        new StepAdjustment(null, -15.0, -2), new StepAdjustment(-15.0, null, -1))));
    assertThat(st.scheduled()).containsExactly(
        new ScheduledAction("0 9 * * MON-FRI", 3, null), new ScheduledAction("0 17 * * MON-FRI", 1, null));
  }

  @Test
  void read_misspelledAdjustmentType_suggestsTheName() throws IOException {
    assertThat(problems(AWS, "adjustmentType: ChangeInCapacity", "adjustmentType: ChangeInCapasity")).singleElement().asString()
        .endsWith("policies[2].scaleIn.adjustmentType must be one of ChangeInCapacity, ExactCapacity, PercentChangeInCapacity, "
            + "but was 'ChangeInCapasity' (did you mean 'ChangeInCapacity'?)");
  }

  @Test
  void read_stepsWithAGap_isLocatedAtTheStep() throws IOException {
    assertThat(problems(AWS, "{ lowerBound: 15, scalingAdjustment: 60 }", "{ lowerBound: 20, scalingAdjustment: 60 }"))
        .singleElement().asString().endsWith("policies[2].scaleOut.steps[1].lowerBound must equal steps[0].upperBound (15.0): "
            + "no gaps or overlaps, but was 20.0");
    assertThat(problems(AWS, "{ lowerBound: 0, upperBound: 15, scalingAdjustment: 25 }",
        "{ lowerBound: 15, upperBound: 15, scalingAdjustment: 25 }")).singleElement().asString()
        .endsWith("policies[2].scaleOut.steps[0].upperBound must be > lowerBound (15.0), but was 15.0");
  }

  @Test
  void read_awsPredictive_combinesWithItsDynamicPolicy() {
    Experiment e = Experiments.read(Path.of(AWS));
    assertThat(e.policies().get(3).policy()).isEqualTo(
        new AwsPredictivePolicy(e.policies().get(1).policy(), 60, 300));
  }

  @Test
  void read_awsPredictiveNamingAnHpa_listsTheDynamicPolicies() throws IOException {
    assertThat(problems(AWS, "dynamic: aws-target-tracking", "dynamic: reactive-hpa")).singleElement().asString()
        .endsWith("policies[3].dynamic must name a target-tracking or step-scaling policy listed before this one, but was "
            + "'reactive-hpa'; such policies: aws-step-scaling, aws-target-tracking");
    assertThat(problems(AWS, "dynamic: aws-target-tracking", "dynamic: aws-target-trackin")).singleElement().asString()
        .contains("but was 'aws-target-trackin' (did you mean 'aws-target-tracking'?)");
  }

  @Test
  void read_brokenFloorPolicy_isReportedOnce() throws IOException {
    assertThat(problems("targetUtilizationPercent: 75", "targetUtilizationPercent: 175")).singleElement().asString()
        .contains("policies[0].targetUtilizationPercent must be in 1..100, but was 175");
  }

  @Test
  void read_nameThatIsAPath_isRejected() throws IOException {
    assertThat(problems("name: smoke", "name: ../../escape")).singleElement().asString()
        .contains("name must use only letters, digits, '.', '-' and '_', and not start with '.', but was '../../escape'");
  }

  @Test
  void read_serviceTimeInMillis_isCheckedInTheUnitsWritten() throws IOException {
    assertThat(problems("medianMillis: 42", "medianMillis: -42")).containsExactly(
        "37:21: simulation.service.serviceTime.medianMillis must be a finite number > 0, but was -42.0");
  }

  @Test
  void read_bootLongerThanTheHorizon_isRejected() throws IOException {
    assertThat(problems("bootSeconds: 180", "bootSeconds: 1e12")).singleElement().asString()
        .contains("simulation.instances.bootSeconds must be less than simulation.horizonSeconds (86400), but was 1000000000000");
  }

  @Test
  void read_demandTooLargeToSimulate_saysWhatToLower() throws IOException {
    assertThat(problems("peakInstances: 4", "peakInstances: 100000")).singleElement().asString()
        .contains("simulation.peakInstances (100000)").contains("lower peakInstances");
  }

  @Test
  void read_fractionalWholeNumber_isRejected() throws IOException {
    assertThat(problems("workersPerInstance: 4", "workersPerInstance: 3.7")).singleElement().asString()
        .endsWith("simulation.service.workersPerInstance must be a whole number, but was '3.7'");
  }

  @Test
  void read_duplicateKey_isRejected() throws IOException {
    assertThat(problems("seed: 42", "seed: 42\nseed: 43")).singleElement().asString()
        .contains("the key 'seed' appears twice in the same mapping");
  }

  @Test
  void read_urlAndEmbeddedTarget_isAmbiguous() throws IOException {
    assertThat(problems("target:\n", "target:\n  url: http://127.0.0.1:8080\n")).singleElement().asString()
        .contains("target.url must not be given together with embedded");
  }

  @Test
  void checkFailures_deadTarget_failsWithTheStatuses() {
    AtomicLong clock = new AtomicLong();
    LoadTestRecorder recorder = new LoadTestRecorder(clock::get);
    for (int i = 0; i < 20; i++) {
      long started = recorder.started(Phase.PROBE);
      clock.addAndGet(1_000_000);
      recorder.completed("GET /", started, i < 19 ? 0 : 200, i < 19);
    }
    assertThatThrownBy(() -> LoadTestPipeline.checkFailures(recorder.snapshot(), dir))
        .isInstanceOf(LoadTestPipeline.LoadTestFailedException.class)
        .hasMessageStartingWith("19 of 20 requests failed (no response: 19, HTTP 200: 1)")
        .matches(e -> ((LoadTestPipeline.LoadTestFailedException) e).tooManyFailures());
  }

  @Test
  void read_hybridPolicies_buildsTheHybridWithItsDefaults() {
    Experiment e = Experiments.read(Path.of(HYBRID));
    assertThat(e.policies()).extracting(NamedPolicy::name)
        .containsExactly("reactive-hpa", "predictive-holt-winters", "hybrid", "hybrid-without-calendar");
    HpaPolicy hpa = (HpaPolicy) e.policies().get(0).policy();
    assertThat(e.policies().get(2).policy()).isEqualTo(HybridPolicy.withDefaults(hpa));
    assertThat(((HybridPolicy) e.policies().get(3).policy()).useCalendar()).isFalse();
    assertThat(e.profile().events().events()).hasSize(4);
  }

  private static final String HYBRID_REACTIVE = "name: hybrid\n    type: hybrid\n    reactive: reactive-hpa";
  private static final String NO_CALENDAR = "    useCalendar: false";

  @Test
  void read_hybridNamingAMissingHpa_suggestsTheName() throws IOException {
    assertThat(problems(HYBRID, HYBRID_REACTIVE, HYBRID_REACTIVE.replace("reactive-hpa", "reactive-hp"))).containsExactly(
        "63:15: policies[2].reactive must name an hpa policy listed before this one, but was 'reactive-hp' "
            + "(did you mean 'reactive-hpa'?); hpa policies: reactive-hpa");
  }

  @Test
  void read_hybridNegativeDerivativeWeight_isRejectedAtTheKey() throws IOException {
    assertThat(problems(HYBRID, NO_CALENDAR, NO_CALENDAR + "\n    derivativeWeight: -0.5")).containsExactly(
        "68:23: policies[3].derivativeWeight must be a finite number >= 0, but was -0.5");
  }

  @Test
  void read_hybridDerivativeSmoothingZero_isRejectedAtTheKey() throws IOException {
    assertThat(problems(HYBRID, NO_CALENDAR, NO_CALENDAR + "\n    derivativeSmoothing: 0")).containsExactly(
        "68:26: policies[3].derivativeSmoothing must be in (0, 1], but was 0.0");
  }

  @Test
  void read_hybridStabilizationOverAnHour_isRejectedAtTheKey() throws IOException {
    assertThat(problems(HYBRID, NO_CALENDAR, NO_CALENDAR + "\n    scaleDownStabilizationSeconds: 4000")).containsExactly(
        "68:36: policies[3].scaleDownStabilizationSeconds must be in 0..3600, but was 4000");
  }

  @Test
  void read_hybridRateWindowZero_isRejectedAtTheKey() throws IOException {
    assertThat(problems(HYBRID, NO_CALENDAR, NO_CALENDAR + "\n    rateWindowSeconds: 0")).containsExactly(
        "68:24: policies[3].rateWindowSeconds must be >= 1, but was 0");
  }

  @Test
  void read_noSweep_takesTheDefaultOffsetsThePolicyCanTake() throws IOException {
    Experiment nasa = Experiments.read(Path.of("simulations/nasa-reactive-vs-predictive.yaml"));
    assertThat(nasa.frontier()).isTrue();
    assertThat(nasa.frontierReference()).contains("reactive-hpa");
    // every policy's knob is at 75 %, and the experiment's defaultSweepOffsets are [-10, 10]
    assertThat(nasa.policies()).allSatisfy(p -> assertThat(p.sweep()).containsExactly(65.0, 85.0));
    // without a frontier section, the default offsets -20, -10 and +10 from smoke's 75 %
    String smoke = Files.readString(Path.of("simulations/smoke.yaml"));
    Experiment unswept = read(smoke.substring(smoke.indexOf("\nfrontier:")), "\n");
    assertThat(unswept.frontier()).isTrue();
    assertThat(unswept.policies()).allSatisfy(p -> assertThat(p.sweep()).containsExactly(55.0, 65.0, 85.0));
    // smoke's frontier.defaultSweepOffsets: [10]
    assertThat(Experiments.read(Path.of("simulations/smoke.yaml")).policies()).allSatisfy(p -> assertThat(p.sweep()).containsExactly(85.0));
    assertThat(Experiments.read(Path.of(AWS)).policies()).extracting(NamedPolicy::sweep).allSatisfy(s -> assertThat(s).isNotEmpty());
  }

  @Test
  void read_writtenDefaultOffsetAPolicyCannotTake_isRefusedNotDropped() throws IOException {
    assertThat(problems("defaultSweepOffsets: [10]", "defaultSweepOffsets: [-80, 10]")).containsExactly(
        "60:25: frontier.defaultSweepOffsets[0] must give a value policies[0] (reactive-hpa) can take, but 75 + -80 = -5 is not: "
            + "targetUtilizationPercent must be a whole number in 1..100, but was -5.0",
        "60:25: frontier.defaultSweepOffsets[0] must give a value policies[1] (predictive-holt-winters) can take, but 75 + -80 = -5 "
            + "is not: targetUtilizationPercent must be a whole number in 1..100, but was -5.0");
  }

  @Test
  void read_writtenSweepAndOptOut_areKept(@TempDir Path tmp) throws IOException {
    String text = Files.readString(Path.of("simulations/smoke.yaml"))
        .replace("profile: ../traffic-profiles/", "profile: " + Path.of("traffic-profiles").toAbsolutePath() + "/")
        .replace("    minReplicas: 1\n", "    minReplicas: 1\n    sweep: [90, 50]\n")
        .replace("reactive: reactive-hpa\n", "reactive: reactive-hpa\n    sweep: []\n");
    Path file = tmp.resolve("e.yaml");
    Files.writeString(file, text);
    Experiment e = Experiments.read(file);
    assertThat(e.policies().get(0).sweep()).containsExactly(90.0, 50.0);
    assertThat(e.policies().get(1).sweep()).isEmpty();
  }

  @Test
  void read_badSweepValues_areEachLocated() throws IOException {
    assertThat(problems("    minReplicas: 1\n", "    minReplicas: 1\n    sweep: [60, 62.5, 75, 60, 0]\n")).containsExactly(
        "53:17: policies[0].sweep[1]: targetUtilizationPercent must be a whole number in 1..100, but was 62.5",
        "53:23: policies[0].sweep[2] must differ from the operating point's targetUtilizationPercent (75), but was 75",
        "53:27: policies[0].sweep[3] must not repeat an earlier value, but was 60",
        "53:31: policies[0].sweep[4]: targetUtilizationPercent must be a whole number in 1..100, but was 0.0");
  }

  @Test
  void read_sweepWithTheFrontierOff_isRejected() throws IOException {
    Path withSweep = dir.resolve("with-sweep.yaml");
    Files.writeString(withSweep, Files.readString(Path.of("simulations/smoke.yaml"))
        .replace("    reactive: reactive-hpa\n", "    reactive: reactive-hpa\n    sweep: [60]\n"));
    assertThat(problems(withSweep.toString(), "  defaultSweepOffsets: [10]", "  enabled: false"))
        .containsExactly("57:12: policies[1].sweep must be absent or [] when frontier.enabled is false, but lists 1 value(s)");
  }

  @Test
  void read_frontierReferenceMisspelled_suggestsTheName() throws IOException {
    assertThat(problems("  defaultSweepOffsets: [10]", "  defaultSweepOffsets: [10]\n  reference: reactive-hp")).containsExactly(
        "61:14: frontier.reference must name a policy of this experiment, but was 'reactive-hp' (did you mean 'reactive-hpa'?)");
  }

  @Test
  void read_badDefaultSweepOffsets_areEachLocated() throws IOException {
    assertThat(problems("  defaultSweepOffsets: [10]", "  defaultSweepOffsets: [10, 0, 10]")).containsExactly(
        "60:29: frontier.defaultSweepOffsets[1] must not be 0 (the operating point runs anyway), but was 0",
        "60:32: frontier.defaultSweepOffsets[2] must not repeat an earlier offset, but was 10");
  }

  // ---- cluster model keys

  private static final String SIGMA = "      sigma: 0.5\n  instances:";

  private Experiment read(String from, String to) throws IOException {
    String text = Files.readString(Path.of("simulations/smoke.yaml"))
        .replace("profile: ../traffic-profiles/", "profile: " + Path.of("traffic-profiles").toAbsolutePath() + "/");
    assertThat(text).contains(from);
    Path file = dir.resolve("e.yaml");
    Files.writeString(file, text.replace(from, to));
    return Experiments.read(file);
  }

  @Test
  void read_clusterModelKeysAbsent_takeTheDefaultsThatChangeNothing() {
    Experiment e = Experiments.read(Path.of("simulations/smoke.yaml"));
    assertThat(e.requestTimeoutSeconds()).isInfinite();
    assertThat(e.instances().warmupInitialCapacityFractionOrOne()).isEqualTo(1);
    assertThat(e.instances().billingGranularitySecondsOrZero()).isZero();
    assertThat(e.instances().minimumBilledSecondsOrZero()).isZero();
    assertThat(e.service().serviceTime()).isInstanceOf(org.loadcast.sim.ServiceTime.LogNormal.class);
  }

  @Test
  void read_clusterModelKeys_areRead() throws IOException {
    Experiment e = read("    pricePerHour: 0.096\n", "    pricePerHour: 0.096\n    warmupInitialCapacityFraction: 0.4\n"
        + "    billingGranularitySeconds: 1\n    minimumBilledSeconds: 60\n  requestTimeoutSeconds: 30\n");
    assertThat(e.requestTimeoutSeconds()).isEqualTo(30);
    assertThat(e.instances().warmupInitialCapacityFractionOrOne()).isEqualTo(0.4);
    assertThat(e.instances().billingGranularitySecondsOrZero()).isEqualTo(1);
    assertThat(e.instances().minimumBilledSecondsOrZero()).isEqualTo(60);
  }

  @Test
  void read_warmupFractionAboveOne_isLocated() throws IOException {
    assertThat(problems("    pricePerHour: 0.096\n", "    pricePerHour: 0.096\n    warmupInitialCapacityFraction: 1.5\n"))
        .containsExactly("43:36: simulation.instances.warmupInitialCapacityFraction must be in [0, 1], but was 1.5");
  }

  @Test
  void read_billingGranularityZero_isLocated() throws IOException {
    assertThat(problems("    pricePerHour: 0.096\n", "    pricePerHour: 0.096\n    billingGranularitySeconds: 0\n"))
        .containsExactly("43:32: simulation.instances.billingGranularitySeconds must be a finite number > 0, but was 0.0");
  }

  @Test
  void read_negativeRequestTimeout_isLocated() throws IOException {
    assertThat(problems("  peakInstances: 4\n", "  peakInstances: 4\n  requestTimeoutSeconds: -1\n")).singleElement()
        .asString().startsWith("31:").contains("simulation.requestTimeoutSeconds must be a finite number > 0, but was -1.0");
  }

  @Test
  void read_serviceTimeOfAnUnknownTemplate_isLocatedWithTheClosestName() throws IOException {
    assertThat(problems(SIGMA, "      sigma: 0.5\n    serviceTimeByTemplate:\n      GET /images/NASA-logosmal:\n"
        + "        distribution: deterministic\n        meanMillis: 5\n  instances:")).containsExactly(
        "40:7: simulation.service.serviceTimeByTemplate.GET /images/NASA-logosmal must name a request template of the "
            + "profile's mix, but 'GET /images/NASA-logosmal' is none (did you mean 'GET /images/NASA-logosmall.gif'?)");
  }

  @Test
  void read_badServiceTimeOfTheSecondTemplate_isLocatedAtItsOwnField() throws IOException {
    // request names hold '/' and '.', which a dotted path cannot split on
    assertThat(problems(SIGMA, "      sigma: 0.5\n    serviceTimeByTemplate:\n      GET /images/NASA-logosmall.gif:\n"
        + "        distribution: deterministic\n        meanMillis: 5\n      GET /images/USA-logosmall.gif:\n"
        + "        distribution: exponentail\n        meanMillis: 5\n  instances:")).singleElement().asString()
        .startsWith("44:23: simulation.service.serviceTimeByTemplate.GET /images/USA-logosmall.gif.distribution must be one of");
  }

  @Test
  void read_serviceTimeByTemplate_weighsEachTemplateByItsShare() throws IOException {
    Experiment e = read(SIGMA, "      sigma: 0.5\n    serviceTimeByTemplate:\n      GET /images/NASA-logosmall.gif:\n"
        + "        distribution: deterministic\n        meanMillis: 5\n  instances:");
    var mix = e.profile().mix();
    var perTemplate = (org.loadcast.sim.ServiceTime.PerTemplate) e.service().serviceTime();
    assertThat(perTemplate.templates()).extracting(org.loadcast.sim.ServiceTime.PerTemplate.Template::name)
        .containsExactlyElementsOf(mix.requestShares().keySet());
    var logo = perTemplate.templates().get(0);
    assertThat(logo.name()).isEqualTo("GET /images/NASA-logosmall.gif");
    assertThat(logo.serviceTime()).isEqualTo(new org.loadcast.sim.ServiceTime.Deterministic(0.005));
    assertThat(logo.weight()).isEqualTo(mix.requestShares().get(logo.name()));
    assertThat(perTemplate.templates().get(1).serviceTime()).isEqualTo(new org.loadcast.sim.ServiceTime.LogNormal(0.042, 0.5));
  }

  @Test
  void read_empiricalServiceTime_readsTheTaggedHistogramsOfTheLog() throws IOException {
    org.HdrHistogram.Histogram fast = new org.HdrHistogram.Histogram(3_600_000_000L, 3);
    fast.recordValueWithCount(20_000, 30);
    fast.setTag("GET%20%2Fa");
    org.HdrHistogram.Histogram slow = new org.HdrHistogram.Histogram(3_600_000_000L, 3);
    slow.recordValueWithCount(900_000, 10);
    slow.setTag("GET%20%2Fb");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
      org.HdrHistogram.HistogramLogWriter writer = new org.HdrHistogram.HistogramLogWriter(out);
      writer.outputLogFormatVersion();
      writer.outputLegend();
      writer.outputIntervalHistogram(fast);
      writer.outputIntervalHistogram(slow);
    }
    Files.write(dir.resolve("latency.hlog"), bytes.toByteArray());
    Experiment e = read("      distribution: lognormal\n      medianMillis: 42\n      sigma: 0.5\n",
        "      distribution: empirical\n      histogramLog: latency.hlog\n      tag: GET /a\n");
    var empirical = (org.loadcast.sim.ServiceTime.Empirical) e.service().serviceTime();
    assertThat(empirical.totalCount()).isEqualTo(30);
    assertThat(empirical.meanSeconds()).isCloseTo(0.020, org.assertj.core.api.Assertions.within(0.00002));
  }

  @Test
  void read_keysTheDistributionDoesNotUse_areRefusedNotIgnored() throws IOException {
    assertThat(problems("      sigma: 0.5\n", "      sigma: 0.5\n      histogramLog: latency.hlog\n      tag: GET /a\n"))
        .singleElement().asString().startsWith("39:21: simulation.service.serviceTime.histogramLog and tag must not be given "
            + "with distribution lognormal, which does not use them");
  }

  @Test
  void read_empiricalWithoutItsLog_isLocated() throws IOException {
    assertThat(problems("      distribution: lognormal\n      medianMillis: 42\n      sigma: 0.5\n",
        "      distribution: empirical\n      histogramLog: missing.hlog\n")).singleElement().asString()
        .startsWith("37:21: simulation.service.serviceTime.histogramLog must name an HdrHistogram interval log, but "
            + "'missing.hlog' does not exist");
  }

  // ---- HPA keys

  private static final String HPA_MAX = "    maxReplicas: 20\n";

  @Test
  void read_hpaWithoutBehavior_takesKubernetesDefaults() {
    HpaPolicy hpa = (HpaPolicy) Experiments.read(Path.of("simulations/smoke.yaml")).policies().get(0).policy();
    assertThat(hpa).isEqualTo(HpaPolicy.withDefaults(75, 1, 20));
    assertThat(hpa.behavior()).isNull();
    assertThat(hpa.controller()).isEqualTo(new HpaController(15, 0.1, 300, 300, 30));
    assertThat(hpa.metrics()).isEqualTo(new MetricWindow(15, 7.5));
  }

  @Test
  void read_hpaBehaviorAndFlags_useKubernetesFieldNames() throws IOException {
    Experiment e = read(HPA_MAX, HPA_MAX + """
            syncPeriodSeconds: 30
            tolerance: 0.2
            downscaleStabilizationSeconds: 120
            cpuInitializationPeriodSeconds: 60
            initialReadinessDelaySeconds: 10
            metrics:
              periodSeconds: 60
            behavior:
              scaleUp:
                stabilizationWindowSeconds: 30
                selectPolicy: Min
                tolerance: 0.05
                policies:
                  - type: Pods
                    value: 2
                    periodSeconds: 60
                  - type: Percent
                    value: 50
                    periodSeconds: 120
              scaleDown:
                selectPolicy: Disabled
        """);
    HpaPolicy hpa = (HpaPolicy) e.policies().get(0).policy();
    ScalingRules up = new ScalingRules(30, ScalingRules.SelectPolicy.MIN, List.of(
        new ScalingRules.RatePolicy(ScalingRules.RatePolicy.Type.PODS, 2, 60),
        new ScalingRules.RatePolicy(ScalingRules.RatePolicy.Type.PERCENT, 50, 120)), 0.05);
    // the absent scale-down window is the controller's flag, the absent policies the API's default;
    // the absent lag is half the period
    ScalingRules down = new ScalingRules(120, ScalingRules.SelectPolicy.DISABLED, ScalingRules.DEFAULT_SCALE_DOWN.policies());
    assertThat(hpa).isEqualTo(new HpaPolicy(75, 1, 20, new HpaBehavior(up, down), new HpaController(30, 0.2, 120, 60, 10),
        new MetricWindow(60, 30)));
  }

  @Test
  void read_hpaWithoutTarget_takesTheDefaultCpuTarget() throws IOException {
    HpaPolicy hpa = (HpaPolicy) read("    targetUtilizationPercent: 75\n", "").policies().get(0).policy();
    assertThat(hpa.targetUtilizationPercent()).isEqualTo(80);
  }

  @Test
  void read_emptyBehavior_takesTheApiDefaults() throws IOException {
    HpaPolicy hpa = (HpaPolicy) read(HPA_MAX, HPA_MAX + "    behavior: {}\n").policies().get(0).policy();
    assertThat(hpa.behavior()).isEqualTo(HpaBehavior.DEFAULTS);
  }

  @Test
  void read_badHpaFields_areLocatedAtEachField() throws IOException {
    List<String> problems = problems(HPA_MAX, HPA_MAX + """
            initialReadinessDelaySeconds: -1
            metrics:
              periodSeconds: 15
              lagSeconds: 15
            behavior:
              scaleUp:
                selectPolicy: max
                policies:
                  - type: pods
                    value: 4
                    periodSeconds: 15
                  - type: Percent
                    value: 0
                    periodSeconds: 15
                  - type: Percent
                    value: 10
                    periodSeconds: 1801
              scaleDown:
                stabilizationWindowSeconds: 3601
        """);
    assertThat(problems).containsExactly(
        "54:35: policies[0].initialReadinessDelaySeconds must be a finite number >= 0, but was -1.0",
        "57:19: policies[0].metrics.lagSeconds must be >= 0 and less than periodSeconds (15.0), but was 15.0",
        "60:23: policies[0].behavior.scaleUp.selectPolicy must be one of Max, Min, Disabled, but was 'max' (did you mean 'Max'?)",
        "62:19: policies[0].behavior.scaleUp.policies[0].type must be one of Pods, Percent, but was 'pods' (did you mean 'Pods'?)",
        "66:20: policies[0].behavior.scaleUp.policies[1].value must be > 0, but was 0",
        "70:28: policies[0].behavior.scaleUp.policies[2].periodSeconds must be in 1..1800, but was 1801",
        "72:37: policies[0].behavior.scaleDown.stabilizationWindowSeconds must be in 0..3600, but was 3601");
  }

  @Test
  void read_notANumber_namesTheField() throws IOException {
    assertThat(problems("  latencyMillis: 250", "  latencyMillis: .nan")).singleElement().asString()
        .endsWith("slo.latencyMillis must be a finite number, but was '.nan'");
  }

  @Test
  void read_behaviorAsAList_saysItWasAList() throws IOException {
    assertThat(problems(HPA_MAX, HPA_MAX + "    behavior: [1, 2]\n")).singleElement().asString()
        .endsWith("policies[0].behavior must be a mapping of keys to values, but was a list");
  }

  @Test
  void read_hpaScaleToZero_isRefusedForCpu() throws IOException {
    assertThat(problems("    minReplicas: 1\n" + HPA_MAX, "    minReplicas: 0\n" + HPA_MAX)).singleElement().asString()
        .startsWith("52:18: policies[0].minReplicas must be >= 1: scaling to zero needs an Object or External metric");
  }

  @Test
  void read_hpaToleranceOutOfRange_isLocated() throws IOException {
    assertThat(problems(HPA_MAX, HPA_MAX + "    behavior:\n      scaleDown:\n        tolerance: 1.5\n")).containsExactly(
        "56:20: policies[0].behavior.scaleDown.tolerance must be in [0, 1), but was 1.5");
  }

  // ---- growth section

  private static final String SMOKE_END = "  defaultSweepOffsets: [10]         # (the default offsets are -20, -10 and +10)\n";

  @Test
  void read_noGrowthSection_takesTheDefaultsAndThePoliciesLargestMaximum() {
    GrowthSettings growth = Experiments.read(Path.of("simulations/smoke.yaml")).growth();
    assertThat(growth.method()).isEqualTo(EtsModel.DAMPED_TREND);
    assertThat(growth.horizonMonths()).isEqualTo(12);
    assertThat(growth.intervalPercent()).isEqualTo(95);
    assertThat(growth.peakWindowSeconds()).isEqualTo(3600);
    assertThat(growth.maxMissingPercentPerDay()).isEqualTo(5);
    assertThat(growth.maxInstances()).isEqualTo(20);
    assertThat(growth.assumptions()).isEqualTo(GrowthAssumptions.NONE);
  }

  @Test
  void read_shippedGrowthSections_areRead() {
    GrowthSettings nasa = Experiments.read(Path.of("simulations/nasa-reactive-vs-predictive.yaml")).growth();
    assertThat(nasa.method()).isEqualTo(EtsModel.DAMPED_TREND);
    assertThat(nasa.maxInstances()).isEqualTo(40);
    assertThat(nasa.assumptions().expectedGrowthPercentPerMonth()).isEqualTo(3);
    GrowthSettings worldCup = Experiments.read(Path.of("simulations/worldcup98-full.yaml")).growth();
    assertThat(worldCup.horizonMonths()).isEqualTo(6);
    assertThat(worldCup.maxInstances()).isEqualTo(50);
  }

  @Test
  void read_growthSection_isRead() throws IOException {
    Experiment e = read(SMOKE_END, SMOKE_END + """
        growth:
          method: holt
          horizonMonths: 6
          intervalPercent: 80
          peakWindowSeconds: 300
          maxMissingPercentPerDay: 0
          maxInstances: 100
          expectedGrowthPercentPerMonth: 3
          launches:
            - {name: "new region", date: 1995-09-01, peakIncreasePercent: 30}
            - {name: "promotion", date: 1995-10-01, peakIncreasePercent: 10, endDate: 1995-10-08}
        """);
    GrowthSettings growth = e.growth();
    assertThat(growth).isEqualTo(new GrowthSettings(EtsModel.LINEAR_TREND, 6, 80, 300, 0, 100, new GrowthAssumptions(3, List.of(
        new GrowthAssumptions.Launch("new region", LocalDate.of(1995, 9, 1), 30, Optional.empty()),
        new GrowthAssumptions.Launch("promotion", LocalDate.of(1995, 10, 1), 10, Optional.of(LocalDate.of(1995, 10, 8)))))));
  }

  @Test
  void read_badGrowthValues_areEachLocated() throws IOException {
    assertThat(problems(SMOKE_END, SMOKE_END + """
        growth:
          method: linear
          horizonMonths: 0
          intervalPercent: 100
          peakWindowSeconds: 90
          maxMissingPercentPerDay: -1
          maxInstances: 0
          expectedGrowthPercentPerMonth: -150
        """)).containsExactly(
        "62:11: growth.method must be one of ses, holt, damped, but was 'linear'",
        "63:18: growth.horizonMonths must be in 1..120, but was 0",
        "64:20: growth.intervalPercent must be in (0, 100), but was 100",
        "65:22: growth.peakWindowSeconds must be a multiple of 60 that divides 86400, such as 300 or 3600, but was 90",
        "66:28: growth.maxMissingPercentPerDay must be in [0, 100), but was -1",
        "67:17: growth.maxInstances must be >= 1, but was 0",
        "68:34: growth.expectedGrowthPercentPerMonth must be a finite number > -100, but was -150.0");
  }

  /** The problems of smoke.yaml with a growth section of one launch, written on line 63. */
  private List<String> launchProblems(String launch) throws IOException {
    return problems(SMOKE_END, SMOKE_END + "growth:\n  launches:\n    - " + launch + "\n");
  }

  @Test
  void read_badLaunch_isLocatedAtItsField() throws IOException {
    assertThat(launchProblems("{name: \"new region\", date: 1995-09-31, peakIncreasePercent: 30}")).singleElement().asString()
        .startsWith("63:").contains("growth.launches[0].date must be an ISO-8601 date such as 1995-09-01, but was '1995-09-31'");
    assertThat(launchProblems("{name: \"sale\", date: 1995-09-01, peakIncreasePercent: 30, endDate: 1995-09-01}"))
        .singleElement().asString()
        .contains("growth.launches[0].endDate must be after date (1995-09-01), but was 1995-09-01");
  }

  @Test
  void read_launchWithoutARequiredKey_namesTheMissingKeyNotAKnownOne() throws IOException {
    // name and date are two edits apart: neither may be taken for a misspelling of the other
    assertThat(launchProblems("{name: \"new region\", peakIncreasePercent: 30}")).singleElement().asString()
        .contains("growth.launches[0].date is required").doesNotContain("unknown key");
    assertThat(launchProblems("{date: 1995-09-01, peakIncreasePercent: 30}")).singleElement().asString()
        .contains("growth.launches[0].name is required").doesNotContain("unknown key");
    // a real misspelling is still pointed at
    assertThat(launchProblems("{name: \"new region\", dat: 1995-09-01, peakIncreasePercent: 30}")).singleElement().asString()
        .startsWith("63:").contains("unknown key 'dat'").contains("'date'");
  }

  @Test
  void read_maxInstancesBeyondTheSizingSearch_isLocated() throws IOException {
    // smoke's service has 4 workers: 10,000,000 / 4 = 2,500,000 instances at most
    assertThat(problems(SMOKE_END, SMOKE_END + "growth:\n  maxInstances: 2500001\n")).containsExactly(
        "62:17: growth.maxInstances must be <= 2500000 (10000000 workers, the sizing's search limit, at 4 per instance), "
            + "but was 2500001");
    assertThat(read(SMOKE_END, SMOKE_END + "growth:\n  maxInstances: 2500000\n").growth().maxInstances()).isEqualTo(2_500_000);
  }

  @Test
  void read_launchDatedInTheHistory_isRefusedAtItsDate() throws IOException {
    // smoke's NASA profile ends 1995-07-28T13:32:25-04:00: the projection starts on 28 July
    assertThat(launchProblems("{name: \"old site\", date: 1995-07-27, peakIncreasePercent: 30}")).containsExactly(
        "63:32: growth.launches[0].date must be on or after 1995-07-28, the first projected day "
            + "(the profile ends 1995-07-28T13:32:25-04:00): a step dated in the history is in its peaks already, but was "
            + "1995-07-27");
    assertThat(read(SMOKE_END, SMOKE_END + """
        growth:
          launches:
            - {name: "new site", date: 1995-07-28, peakIncreasePercent: 30}
        """).growth().assumptions().launches()).hasSize(1);
  }

  @Test
  void read_unknownGrowthKey_isRefused() throws IOException {
    assertThat(problems(SMOKE_END, SMOKE_END + "growth:\n  horizonMonth: 6\n")).singleElement().asString()
        .startsWith("62:").contains("horizonMonth").contains("horizonMonths");
  }
}
