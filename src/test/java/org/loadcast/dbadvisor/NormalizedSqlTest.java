package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Normalisation: parameterised variants share one text and fingerprint; different statements do not. */
class NormalizedSqlTest {

  @Test
  void of_literalVariants_shareTextAndFingerprint() {
    NormalizedSql a = NormalizedSql.of("select * from Orders o where o.customer_id = 42 and o.status = 'new'");
    NormalizedSql b = NormalizedSql.of("SELECT *\n  FROM orders O\n WHERE O.CUSTOMER_ID = $1 -- by customer\n   AND o.status = ?");
    assertThat(a.text()).isEqualTo("SELECT * FROM orders o WHERE o.customer_id = ? AND o.status = ?");
    assertThat(b).isEqualTo(a);
    assertThat(a.parsed()).isTrue();
    assertThat(a.fingerprint()).hasSize(16).matches("[0-9a-f]+");
  }

  @Test
  void of_inListsOfAnyLength_becomeOneMarker() {
    NormalizedSql three = NormalizedSql.of("SELECT id FROM products WHERE id IN (1, 2, 3)");
    NormalizedSql one = NormalizedSql.of("SELECT id FROM products WHERE id IN (?)");
    assertThat(three.text()).isEqualTo("SELECT id FROM products WHERE id IN (?)");
    assertThat(one.fingerprint()).isEqualTo(three.fingerprint());
    assertThat(NormalizedSql.of("select id from products where id = any(array[1, 2])").text())
        .isEqualTo("SELECT id FROM products WHERE id = any(ARRAY[?])");
  }

  @Test
  void of_differentColumns_differ() {
    assertThat(NormalizedSql.of("SELECT * FROM t WHERE a = 1").fingerprint())
        .isNotEqualTo(NormalizedSql.of("SELECT * FROM t WHERE b = 1").fingerprint());
  }

  @Test
  void of_quotedNames_keepTheirCase() {
    assertThat(NormalizedSql.of("SELECT \"Total\" FROM \"Sales\" WHERE x = 'A'").text())
        .isEqualTo("SELECT \"Total\" FROM \"Sales\" WHERE x = ?");
  }

  @Test
  void of_unparsableStatement_fallsBackToLexicalRules() {
    NormalizedSql a = NormalizedSql.of("VACUUM (VERBOSE, ANALYZE) orders /* nightly */ WHERE 'x' = 12");
    NormalizedSql b = NormalizedSql.of("vacuum (verbose, analyze)   orders where 'y' = 13");
    assertThat(a.parsed()).isFalse();
    assertThat(a.text()).isEqualTo("vacuum (verbose, analyze) orders where ? = ?");
    assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
  }

  @Test
  void of_blank_isRejected() {
    assertThatThrownBy(() -> NormalizedSql.of(" -- nothing\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must hold a statement");
  }
}
