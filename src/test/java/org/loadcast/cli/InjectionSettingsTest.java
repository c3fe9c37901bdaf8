package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.loadcast.TestProperties;

class InjectionSettingsTest {

  @Test
  void of_nothingGiven_isOneInjectorMeasuringItsReplayFraction() {
    InjectionSettings settings = InjectionSettings.of(TestProperties.of());

    assertThat(settings.shard()).isEqualTo(InjectorShard.SINGLE);
    assertThat(settings.distributed()).isFalse();
    assertThat(settings.replayFraction()).isNaN();
    assertThat(settings.startAtEpochMillis()).isEqualTo(-1);
    assertThat(settings.startFile()).isNull();
    assertThat(settings.resultsDirectory()).isNull();
  }

  @Test
  void of_threeInjectors_takesTheShardAndFixesTheFractionAtOne() {
    InjectionSettings settings = InjectionSettings.of(TestProperties.of("injectors", "3", "injector", "2", "results.dir",
        "out/i2", "start.file", "out/start-at", "start.leadSeconds", "20"));

    assertThat(settings.shard()).isEqualTo(new InjectorShard(3, 2));
    assertThat(settings.replayFraction()).isEqualTo(1.0);
    assertThat(settings.resultsDirectory()).isEqualTo(Path.of("out/i2"));
    assertThat(settings.startFile()).isEqualTo(Path.of("out/start-at"));
    assertThat(settings.startLeadSeconds()).isEqualTo(20);
  }

  @Test
  void of_givenFractionAndStart_areKept() {
    InjectionSettings settings = InjectionSettings.of(TestProperties.of("replay.fraction", "0.4", "start.at", "1796000000000"));

    assertThat(settings.replayFraction()).isEqualTo(0.4);
    assertThat(settings.startAtEpochMillis()).isEqualTo(1_796_000_000_000L);
  }

  @Test
  void of_badValues_nameThePropertyTheRuleAndTheValue() {
    assertThatThrownBy(() -> InjectionSettings.of(TestProperties.of("injectors", "three")))
        .hasMessage("injectors must be a whole number, but was 'three'");
    assertThatThrownBy(() -> InjectionSettings.of(TestProperties.of("injectors", "3", "results.dir", "x")))
        .hasMessage("injector is required with injectors=3: this injector's index, 0 to 2");
    assertThatThrownBy(() -> InjectionSettings.of(TestProperties.of("injectors", "3", "injector", "3", "results.dir", "x")))
        .hasMessage("injector must be in [0, 2] for 3 injectors, but was 3");
    assertThatThrownBy(() -> InjectionSettings.of(TestProperties.of("injectors", "2", "injector", "0")))
        .hasMessageStartingWith("results.dir is required with injectors > 1");
    assertThatThrownBy(() -> InjectionSettings.of(TestProperties.of("replay.fraction", "1.5")))
        .hasMessage("replay.fraction must be in (0, 1], but was 1.5");
    assertThatThrownBy(() -> InjectionSettings.of(TestProperties.of("replay.fraction", "half")))
        .hasMessage("replay.fraction must be a number in (0, 1], but was 'half'");
    assertThatThrownBy(() -> InjectionSettings.of(TestProperties.of("start.at", "tomorrow")))
        .hasMessage("start.at must be a time in epoch milliseconds, but was 'tomorrow'");
    assertThatThrownBy(() -> InjectionSettings.of(TestProperties.of("start.at", "5", "start.file", "f")))
        .hasMessage("start.at and start.file name the start twice: give one");
  }
}
