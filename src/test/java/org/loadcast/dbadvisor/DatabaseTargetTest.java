package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.profile.InputException;

class DatabaseTargetTest {
  private static final String SECRET = "hunter2-9a7b";

  @Test
  void new_urlWithPasswordParameter_isRefusedWithoutTheValue() {
    assertThatThrownBy(() -> new DatabaseTarget("jdbc:postgresql://db:5432/shop?sslmode=require&password=" + SECRET, "app",
        Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--jdbc-url must not carry a password; set PGPASSWORD or give a password file")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void new_urlWithUserInfoPassword_isRefusedWithoutTheValue() {
    assertThatThrownBy(() -> new DatabaseTarget("jdbc:postgresql://app:" + SECRET + "@db:5432/shop", "app", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(SECRET);
  }

  @Test
  void new_otherScheme_isRefusedWithoutItsParameters() {
    assertThatThrownBy(() -> new DatabaseTarget("jdbc:mysql://db/shop?password=" + SECRET, "app", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--jdbc-url must start with jdbc:postgresql:, but was jdbc:mysql://db/shop?...");
  }

  @Test
  void new_blankUser_isRefused() {
    assertThatThrownBy(() -> new DatabaseTarget("jdbc:postgresql://db/shop", " ", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("--user must not be blank");
  }

  @Test
  void toString_showsUrlAndUserButNeverThePassword() {
    DatabaseTarget target = new DatabaseTarget("jdbc:postgresql://db:6543/shop", "app",
        Password.fromEnvironment(Map.of("PGPASSWORD", SECRET)));

    assertThat(target.toString()).isEqualTo("jdbc:postgresql://db:6543/shop as app");
    assertThat(target.password().orElseThrow().toString()).isEqualTo("***");
    assertThat(target.hostAndPort()).isEqualTo("db:6543");
    assertThat(target.databaseName()).isEqualTo("shop");
  }

  @Test
  void hostAndPort_withoutPort_isPostgresDefault() {
    assertThat(new DatabaseTarget("jdbc:postgresql://db/shop", "app", Optional.empty()).hostAndPort()).isEqualTo("db:5432");
  }

  @Test
  void fromEnvironment_unsetOrEmpty_isEmpty() {
    assertThat(Password.fromEnvironment(Map.of())).isEmpty();
    assertThat(Password.fromEnvironment(Map.of("PGPASSWORD", ""))).isEmpty();
    assertThat(Password.fromEnvironment(Map.of("PGPASSWORD", SECRET)).orElseThrow().reveal()).isEqualTo(SECRET);
  }

  @Test
  void fromFile_readsTheFirstLineWithoutItsLineBreak(@TempDir Path directory) throws IOException {
    Path file = Files.writeString(directory.resolve("pw"), SECRET + "\nignored\n");

    assertThat(Password.fromFile(file).reveal()).isEqualTo(SECRET);
  }

  @Test
  void fromFile_emptyOrMissing_namesTheFileNotItsContent(@TempDir Path directory) throws IOException {
    Path empty = Files.writeString(directory.resolve("empty"), "\n" + SECRET);

    assertThatThrownBy(() -> Password.fromFile(empty)).isInstanceOf(InputException.class)
        .hasMessage("loadcast dbadvise: the password file " + empty + " is empty; its first line must be the password")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> Password.fromFile(directory.resolve("missing"))).isInstanceOf(InputException.class)
        .hasMessage("loadcast dbadvise: cannot read the password file " + directory.resolve("missing") + ": NoSuchFileException");
  }
}
