package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.loadcast.profile.InputException;

/** Logging in fails with one clear line, and never with the password in it. */
@Tag("slow")
@ParameterizedClass
@MethodSource("org.loadcast.dbadvisor.ShopServer#all")
class ConnectionFailuresIT {
  private final ShopServer shop;

  ConnectionFailuresIT(ShopServer shop) {
    this.shop = shop;
  }
  private static final String WRONG = "wrong-Pass-91c3d";

  @Test
  void open_wrongPassword_saysSoWithoutThePassword() {
    InputException failure = failure(shop.target(ShopServer.SHOP, WRONG));

    assertThat(failure.getMessage()).isEqualTo("loadcast dbadvise: password authentication failed for user " + ShopServer.ADVISOR);
    assertThat(everyText(failure)).doesNotContain(WRONG).doesNotContain(ShopServer.ADVISOR_PASSWORD);
  }

  @Test
  void open_noPasswordWhereTheServerAsksForOne_saysHowToGiveIt() {
    InputException failure = failure(new DatabaseTarget(shop.url(ShopServer.SHOP), ShopServer.ADVISOR, Optional.empty()));

    assertThat(failure.getMessage()).isEqualTo("loadcast dbadvise: the server at " + shop.address()
        + " asks user " + ShopServer.ADVISOR + " for a password, but none was given: set PGPASSWORD or give a password file");
  }

  @Test
  void open_closedPort_saysConnectionRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    DatabaseTarget target = new DatabaseTarget("jdbc:postgresql://127.0.0.1:" + port + "/shop", "advisor",
        Password.fromEnvironment(java.util.Map.of("PGPASSWORD", WRONG)));

    InputException failure = failure(target);

    assertThat(failure.getMessage()).isEqualTo("loadcast dbadvise: cannot connect to 127.0.0.1:" + port + ": connection refused");
    assertThat(failure.problems()).hasSize(1);
    assertThat(everyText(failure)).doesNotContain(WRONG);
  }

  @Test
  void open_missingDatabase_namesIt() {

    InputException failure = failure(shop.target("nosuchdb", ShopServer.ADVISOR_PASSWORD));

    assertThat(failure.getMessage()).isEqualTo("loadcast dbadvise: database \"nosuchdb\" does not exist on "
        + shop.address());
    assertThat(everyText(failure)).doesNotContain(ShopServer.ADVISOR_PASSWORD);
  }

  private static InputException failure(DatabaseTarget target) {
    InputException failure = catchThrowableOfType(InputException.class, () -> AdvisorSession.open(target).close());
    assertThat(failure).as("opening %s must fail", target).isNotNull();
    assertThat(failure.getMessage()).doesNotContain("\n");
    return failure;
  }

  /** Returns the messages and string forms of the exception and all its causes. */
  private static String everyText(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t).append('\n').append(t.getMessage()).append('\n');
    }
    return text.toString();
  }
}
