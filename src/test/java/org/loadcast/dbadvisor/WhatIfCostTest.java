package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WhatIfCostTest {
  private static final String DDL = "CREATE INDEX ON orders (customer_id)";

  @Test
  void cutFraction_isTheShareOfTheCostRemoved() {
    // Figures of WhatIfIT's seeded shop: a Seq Scan at 4122.00, an index scan at 146.26.
    WhatIfCost cost = new WhatIfCost("SELECT ...", DDL, "orders", 4122.00, 146.26, WhatIfMethod.TRANSACTIONAL_BUILD);

    assertThat(cost.cutFraction()).isCloseTo(0.96452, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(cost.summary()).isEqualTo("orders: 4122.00 -> 146.26 (-96.5 %) by TRANSACTIONAL_BUILD: " + DDL);
  }

  @Test
  void cutFraction_noChangeOrDearer_isZeroOrNegative() {
    assertThat(new WhatIfCost("q", DDL, "orders", 100, 100, WhatIfMethod.HYPOPG).summary())
        .isEqualTo("orders: 100.00 -> 100.00 (+0.0 %) by HYPOPG: " + DDL);
    assertThat(new WhatIfCost("q", DDL, "orders", 100, 150, WhatIfMethod.HYPOPG).cutFraction()).isEqualTo(-0.5);
    assertThat(new WhatIfCost("q", DDL, "orders", 0, 0, WhatIfMethod.HYPOPG).cutFraction()).isZero();
  }

  @Test
  void new_negativeCost_isRefused() {
    assertThatThrownBy(() -> new WhatIfCost("q", DDL, "orders", -1, 0, WhatIfMethod.HYPOPG))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("costs must be >= 0, but were -1.0 and 0.0");
  }
}
