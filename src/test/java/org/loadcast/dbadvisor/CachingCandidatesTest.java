package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeated identical reads on read-mostly tables, the write-share edge, and the hit-ratio arithmetic. */
class CachingCandidatesTest {
  private static final String PRODUCT = "SELECT * FROM products WHERE id = ?";

  private static StatementExecution exec(String sql, long micros, String... params) {
    return new StatementExecution("r", "n", null, micros, sql, List.of(params), null, "t");
  }

  /** 10 reads of 3 products (ids 1 x5, 2 x3, 3 x2), 2 ms each, plus {@code writes} updates of products. */
  private static List<StatementExecution> workload(int writes) {
    List<StatementExecution> log = new ArrayList<>();
    for (String id : List.of("1", "1", "1", "1", "1", "2", "2", "2", "3", "3")) {
      log.add(exec(PRODUCT, 2000, id));
    }
    for (int i = 0; i < writes; i++) {
      log.add(exec("UPDATE products SET price = ? WHERE id = ?", 1000, "9", "1"));
    }
    return log;
  }

  @Test
  void find_repeatedReads_hitRatioAndSavedTime() {
    List<CachingCandidate> found = CachingCandidates.find(workload(0), CachingCandidates.DEFAULT_MAX_WRITE_SHARE);
    assertThat(found).singleElement().satisfies(c -> {
      assertThat(c.statement()).isEqualTo(PRODUCT);
      assertThat(c.executions()).isEqualTo(10);
      assertThat(c.distinctParameterSets()).isEqualTo(3);
      assertThat(c.hitRatio()).isCloseTo(0.7, within(1e-12));
      assertThat(c.meanDurationMillis()).isCloseTo(2.0, within(1e-12));
      assertThat(c.savedMillis()).isCloseTo(14.0, within(1e-12));
      assertThat(c.tables()).containsExactly("products");
    });
  }

  /** With 10 reads, 0 writes are 0 % of 10 statements, but 1 write is 1/11 = 9 %: over 5 %. */
  @Test
  void find_writeShareAtOrAboveTheLimit_isNotReadMostly() {
    assertThat(CachingCandidates.find(workload(1), 0.05)).isEmpty();
    assertThat(CachingCandidates.find(workload(1), 0.10)).hasSize(1);
    assertThat(CachingCandidates.find(workload(1), 1.0 / 11)).isEmpty();
  }

  @Test
  void find_distinctParametersOnly_isNothing() {
    List<StatementExecution> log = List.of(exec(PRODUCT, 2000, "1"), exec(PRODUCT, 2000, "2"));
    assertThat(CachingCandidates.find(log, 0.05)).isEmpty();
  }

  @Test
  void find_literalsCountAsParameters() {
    List<StatementExecution> log = List.of(exec("SELECT * FROM products WHERE id = 1", 1000),
        exec("SELECT * FROM products WHERE id = 1", 1000), exec("SELECT * FROM products WHERE id = 2", 1000));
    assertThat(CachingCandidates.find(log, 0.05)).singleElement()
        .satisfies(c -> assertThat(c.distinctParameterSets()).isEqualTo(2));
  }

  @Test
  void find_rejectsAShareOutsideZeroToOne() {
    assertThatThrownBy(() -> CachingCandidates.find(List.of(), 0)).hasMessageContaining("must be in (0, 1]");
  }
}
