package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InverseMseCombination}: weights by hand, the warm-up length, and its settings. */
class InverseMseCombinationTest {
  private static final List<ForecastMethod> NAIVE_AND_SEASONAL = List.of(new SeasonalNaive(1), new SeasonalNaive(2));

  /**
   * h = 1, δ = 0.01: w = 1 + ⌈ln 0.01 / ln 0.01⌉ = 2, so the members are fitted on (1, 2) and follow
   * 4, 3. Naive forecasts 2 then 4: errors 2, −1, m = 0.01·4 + 1 = 1.04. Seasonal naive (m = 2)
   * forecasts 1 then 2: errors 3, 1, m = 0.01·9 + 1 = 1.09. Next: naive 3, seasonal naive 4.
   */
  @Test
  void train_handComputedWeights() {
    Forecaster f = new InverseMseCombination(NAIVE_AND_SEASONAL, 1, 0.01).train(new double[] {1, 2, 4, 3});

    assertThat(f.forecast(1)).isCloseTo((3 / 1.04 + 4 / 1.09) / (1 / 1.04 + 1 / 1.09), within(1e-12));
  }

  @Test
  void observe_memberWithoutError_takesAllTheWeight() {
    Forecaster f = new InverseMseCombination(NAIVE_AND_SEASONAL, 1, 0.5).train(new double[] {1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3});

    assertThat(f.forecast(1)).isEqualTo(1);
    assertThat(f.forecast(2)).isEqualTo(3);
  }

  @Test
  void warmUpLength_isHorizonPlusOnePercentMemory() {
    assertThat(new InverseMseCombination(NAIVE_AND_SEASONAL, 3, 0.95).warmUpLength()).isEqualTo(3 + 90);
  }

  @Test
  void train_notLongerThanWarmUp_throws() {
    assertThatThrownBy(() -> new InverseMseCombination(NAIVE_AND_SEASONAL, 1, 0.01).train(new double[2]))
        .hasMessage("training must hold more than 2 values (the error warm-up), but held 2");
  }

  @Test
  void constructor_discountOutOfRange_throws() {
    assertThatThrownBy(() -> new InverseMseCombination(NAIVE_AND_SEASONAL, 1, 1))
        .hasMessage("discount must be in (0, 1), but was 1.0");
    assertThatThrownBy(() -> new InverseMseCombination(NAIVE_AND_SEASONAL, 0, 0.5))
        .hasMessage("horizonSteps must be >= 1, but was 0");
    assertThatThrownBy(() -> new InverseMseCombination(List.of(), 1, 0.5)).hasMessage("methods must not be empty");
  }
}
