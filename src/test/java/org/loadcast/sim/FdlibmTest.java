package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FdlibmTest {

  @Test
  void log1p_exponentialDrawArguments_equalStrictMathBitForBit() {
    // the simulator's use: -u for u = nextDouble() in [0, 1), every value a multiple of 2^-53
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 2_000_000; i++) {
      assertSame(-random.nextDouble());
    }
    for (long m = 0; m < 5_000; m++) {
      assertSame(-m * 0x1.0p-53);
      assertSame(-(1 - m * 0x1.0p-53));
    }
  }

  @Test
  void log1p_everyRangeAndEdge_equalsStrictMathBitForBit() {
    SplittableRandom random = new SplittableRandom(18);
    for (int i = 0; i < 2_000_000; i++) {
      assertSame(Double.longBitsToDouble(random.nextLong())); // any bit pattern: all exponents, NaNs
      assertSame(random.nextDouble(-1, 2));
      assertSame(Math.scalb(random.nextDouble(-1, 1), -random.nextInt(60)));
    }
    double[] edges = {0.0, -0.0, -1.0, 1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0x1.0p-29, -0x1.0p-29, 0x1.0p-54,
        -0x1.0p-54, 0x1.0p-20, 0x1.0p53, 0x1.0p54, Math.sqrt(2) - 1, Math.sqrt(0.5) - 1, 0.41422, -0.2929,
        Math.nextDown(-1.0), Math.nextUp(-1.0), Double.longBitsToDouble(0x3FDA827A00000000L),
        Double.longBitsToDouble(0xBFD2BEC300000000L), Double.longBitsToDouble(0x4340000000000000L)};
    for (double x : edges) {
      for (double y : new double[] {Math.nextDown(x), x, Math.nextUp(x)}) {
        assertSame(y);
      }
    }
  }

  @Test
  void log1p_handComputed() {
    assertThat(Fdlibm.log1p(Math.E - 1)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(Fdlibm.log1p(-1)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Fdlibm.log1p(-2)).isNaN();
  }

  private static void assertSame(double x) {
    assertThat(Double.doubleToLongBits(Fdlibm.log1p(x))).as("log1p(%s)", x)
        .isEqualTo(Double.doubleToLongBits(StrictMath.log1p(x))); // any NaN is NaN
  }
}
