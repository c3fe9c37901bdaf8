package org.loadcast.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.profile.InputException;

/** {@code run-state.json}: written and read back, and each rule's bad value refused at its place in the file. */
class RunStateTest {
  private static final String SHA = "0123456789abcdef".repeat(4);
  private static final RunState STATE = new RunState(1, RunState.State.INTERRUPTED, 27, 34, "replay",
      "simulations/smoke.yaml", SHA, "smoke-20261130-013435", 1_764_466_475_000L, 0, 1, 0.625);
  @TempDir
  Path directory;

  @Test
  void json_readsBackEqual_withLowerCaseState() throws IOException {
    Files.writeString(directory.resolve(RunState.FILE), STATE.json());

    assertThat(RunState.read(directory)).isEqualTo(STATE);
    assertThat(STATE.json()).contains("\"state\" : \"interrupted\"", "\"completedSeconds\" : 27", "\"replayFraction\" : 0.625")
        .startsWith("{\n  \"formatVersion\" : 1,\n  \"state\"");
  }

  @Test
  void json_withoutAFixedFraction_writesNull_andReadsBackNull() {
    RunState running = STATE.at(RunState.State.RUNNING, 5, "probe", STATE.startEpochMillis(), null);

    assertThat(running.json()).contains("\"replayFraction\" : null");
    assertThat(RunState.parse(running.json(), "run-state.json")).isEqualTo(running);
  }

  @Test
  void read_withoutTheFile_namesItAndWhatWritesIt() {
    assertThatThrownBy(() -> RunState.read(directory)).isInstanceOf(InputException.class)
        .hasMessageContaining("run-state.json: a load test's results directory must hold run-state.json");
  }

  @Test
  void parse_anUnknownState_isRefusedAtItsValue() {
    String text = STATE.json().replace("\"interrupted\"", "\"paused\"");

    assertThatThrownBy(() -> RunState.parse(text, "r/run-state.json")).isInstanceOf(InputException.class)
        .hasMessage("r/run-state.json:3:13: state must be running, interrupted or complete, but was 'paused'");
  }

  @Test
  void parse_aRuleBroken_isRefusedAtTheFieldsValue() {
    String text = STATE.json().replace("\"completedSeconds\" : 27", "\"completedSeconds\" : -1");

    assertThatThrownBy(() -> RunState.parse(text, "run-state.json")).isInstanceOf(InputException.class)
        .hasMessage("run-state.json:4:24: completedSeconds must be >= 0, but was -1");
  }

  @Test
  void parse_aMissingField_isRefusedNamingIt() {
    String text = STATE.json().replace("  \"phase\" : \"replay\",\n", "");

    assertThatThrownBy(() -> RunState.parse(text, "run-state.json")).isInstanceOf(InputException.class)
        .hasMessageContaining("run-state.json:").hasMessageContaining("phase");
  }

  @Test
  void parse_anUnknownField_isRefusedNamingIt() {
    String text = STATE.json().replace("{\n", "{\n  \"pausedAt\" : 3,\n");

    assertThatThrownBy(() -> RunState.parse(text, "run-state.json")).isInstanceOf(InputException.class)
        .hasMessageStartingWith("run-state.json:2:").hasMessageContaining("pausedAt");
  }

  @Test
  void parse_truncatedText_isNotValidJson_withItsPlace() {
    String text = STATE.json().substring(0, 60);

    assertThatThrownBy(() -> RunState.parse(text, "run-state.json")).isInstanceOf(InputException.class)
        .hasMessageStartingWith("run-state.json:").hasMessageContaining("not valid JSON");
  }
}
