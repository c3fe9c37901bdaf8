package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlTextTest {

  @Test
  void of_questionMarks_becomeNumberedDollarMarkers() {
    SqlText text = SqlText.of("SELECT * FROM orders WHERE customer_id = ? AND status = ?");

    assertThat(text.sql()).isEqualTo("SELECT * FROM orders WHERE customer_id = $1 AND status = $2");
    assertThat(text.parameterCount()).isEqualTo(2);
    assertThat(text.parameterised()).isTrue();
  }

  @Test
  void of_dollarMarkers_countTheHighest() {
    SqlText text = SqlText.of("SELECT * FROM t WHERE a = $2 OR b = $10 OR c = $1");

    assertThat(text.sql()).isEqualTo("SELECT * FROM t WHERE a = $2 OR b = $10 OR c = $1");
    assertThat(text.parameterCount()).isEqualTo(10);
  }

  @Test
  void of_noParameters_isNotParameterised() {
    assertThat(SqlText.of("SELECT 1").parameterised()).isFalse();
  }

  @Test
  void of_markersInsideLiteralsQuotedNamesCommentsAndDollarQuotes_areText() {
    SqlText text = SqlText.of("SELECT '?', 'it''s ?', E'\\' ?', \"col?\", $$ ? $$, $tag$ ; ? $tag$ -- ? ;\n"
        + "/* ? /* nested ; */ ? */ FROM t WHERE x = ?");

    assertThat(text.parameterCount()).isEqualTo(1);
    assertThat(text.sql()).endsWith("WHERE x = $1").contains("'it''s ?'").contains("$tag$ ; ? $tag$");
  }

  @Test
  void of_jdbcEscapedQuestionMark_isTheJsonbOperator() {
    SqlText text = SqlText.of("SELECT * FROM docs WHERE body ?? 'key' AND id = ?");

    assertThat(text.sql()).isEqualTo("SELECT * FROM docs WHERE body ? 'key' AND id = $1");
    assertThat(text.parameterCount()).isEqualTo(1);
  }

  @Test
  void of_trailingSemicolonAndComment_areDropped() {
    assertThat(SqlText.of("  SELECT 1;  -- done\n").sql()).isEqualTo("SELECT 1");
  }

  @Test
  void of_twoStatements_isRefused() {
    assertThatThrownBy(() -> SqlText.of("SELECT 1; DELETE FROM orders"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected one statement, but found a second after ';': SELECT 1; DELETE FROM orders");
  }

  @Test
  void of_mixedMarkers_isRefused() {
    assertThatThrownBy(() -> SqlText.of("SELECT * FROM t WHERE a = ? AND b = $1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("either ? or $n");
  }

  @Test
  void of_blank_isRefused() {
    assertThatThrownBy(() -> SqlText.of("  ")).isInstanceOf(IllegalArgumentException.class).hasMessage("a statement must not be blank");
  }
}
