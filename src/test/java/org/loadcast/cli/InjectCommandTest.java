package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code loadcast inject}'s checks before anything starts: one line and exit code 2. */
class InjectCommandTest {

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(code), err.toString()};
  }

  @Test
  void badFlags_areOneLineAndExitCode2() {
    assertThat(run("inject", "simulations/smoke.yaml", "--injectors", "2", "--target", "ftp://x", "--out", "target/none"))
        .containsExactly("2", "loadcast inject: --target must be an absolute http or https URL such as "
            + "http://127.0.0.1:8080, but was 'ftp://x'\n");
    assertThat(run("inject", "simulations/smoke.yaml", "--injectors", "0", "--out", "target/none"))
        .containsExactly("2", "loadcast inject: --injectors must be from 1 to 64, but was 0\n");
    assertThat(run("inject", "simulations/smoke.yaml", "--injectors", "2", "--replay-fraction", "1.5", "--out", "target/none"))
        .containsExactly("2", "loadcast inject: --replay-fraction must be in (0, 1], but was 1.5\n");
  }
}
