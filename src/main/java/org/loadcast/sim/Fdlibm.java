package org.loadcast.sim;

/**
 * A pure-Java port of fdlibm 5.3's {@code log1p} (Sun Microsystems, 1993; file {@code s_log1p.c},
 * freely distributable), the algorithm {@link StrictMath#log1p} is specified to follow, so the two
 * return bit-identical results for every argument.
 *
 * <p>Why: in Java 17, {@code StrictMath.log1p} (and {@code Math.log1p}, which delegates to it) is a
 * native method, and the JNI call costs more than the arithmetic; every exponential draw of the
 * simulator takes one. Java 21 ships the same port as {@code FdLibm.Log1p}.
 *
 * <p>Method (from s_log1p.c): reduce {@code 1 + x} to {@code 2^k (1 + f)} with
 * {@code sqrt(2)/2 < 1 + f < sqrt(2)}, keeping a correction {@code c} for the rounding of
 * {@code 1 + x}; then {@code log(1 + f) = f − (hfsq − s (hfsq + R(z)))} with {@code s = f/(2 + f)},
 * {@code z = s²}, {@code hfsq = f²/2} and R a degree-7 minimax polynomial in z; and
 * {@code log1p(x) = k·ln2_hi + (f − (hfsq − (s (hfsq + R) + (k·ln2_lo + c))))}.
 *
 * <p>fdlibm's notice, preserved as it asks:
 *
 * <pre>
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
final class Fdlibm {
  private static final double LN2_HI = 6.93147180369123816490e-01; // 3fe62e42 fee00000
  private static final double LN2_LO = 1.90821492927058770002e-10; // 3dea39ef 35793c76
  private static final double TWO54 = 1.80143985094819840000e+16; // 43500000 00000000
  private static final double LP1 = 6.666666666666735130e-01; // 3FE55555 55555593
  private static final double LP2 = 3.999999999940941908e-01; // 3FD99999 9997FA04
  private static final double LP3 = 2.857142874366239149e-01; // 3FD24924 94229359
  private static final double LP4 = 2.222219843214978396e-01; // 3FCC71C5 1D8E78AF
  private static final double LP5 = 1.818357216161805012e-01; // 3FC74664 96CB03DE
  private static final double LP6 = 1.531383769920937332e-01; // 3FC39A09 D078C69F
  private static final double LP7 = 1.479819860511658591e-01; // 3FC2F112 DF3E5244

  private Fdlibm() {}

  /**
   * Returns {@code ln(1 + x)}, bit for bit as {@link StrictMath#log1p} returns it.
   *
   * @param x any double
   * @return NaN for NaN or {@code x < −1}, −∞ for −1, +∞ for +∞, x itself for |x| < 2⁻⁵⁴ (signed
   *     zeros kept)
   */
  static double log1p(double x) {
    int hx = highWord(x);
    int ax = hx & 0x7fffffff;
    if (ax < 0x3e200000 || hx >= 0x43400000 || (hx < 0 && ax >= 0x3ff00000)) {
      return log1pInFull(x); // |x| < 2**-29, x >= 2**53, x <= -1, infinities and NaNs
    }
    // the common cases, step for step as in log1pInFull, kept short enough for the JIT to inline
    int k;
    int hu;
    double f;
    double c = 0;
    if (hx < 0x3FDA827A && (hx > 0 || hx <= 0xbfd2bec3)) { // -0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    } else {
      double u = 1.0 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = (k > 0 ? 1.0 - (u - x) : x - (u - 1.0)) / u;
      hu &= 0x000fffff;
      if (hu < 0x6a09e) {
        u = withHighWord(u, hu | 0x3ff00000);
      } else {
        k += 1;
        u = withHighWord(u, hu | 0x3fe00000);
        hu = (0x00100000 - hu) >> 2;
      }
      f = u - 1.0;
    }
    if (hu == 0) {
      return log1pInFull(x); // |f| < 2**-20
    }
    double hfsq = 0.5 * f * f;
    double s = f / (2.0 + f);
    double z = s * s;
    double r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
    return k == 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
  }

  /** s_log1p.c as written, every case. */
  private static double log1pInFull(double x) {
    int hx = highWord(x);
    int ax = hx & 0x7fffffff;
    int k = 1;
    int hu = 0;
    double f = 0;
    double c = 0;
    if (hx < 0x3FDA827A) { // x < 0.41422
      if (ax >= 0x3ff00000) { // x <= -1.0
        return x == -1.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
      }
      if (ax < 0x3e200000) { // |x| < 2**-29
        if (TWO54 + x > 0 && ax < 0x3c900000) { // |x| < 2**-54
          return x;
        }
        return x - x * x * 0.5;
      }
      if (hx > 0 || hx <= 0xbfd2bec3) { // -0.2929 < x < 0.41422
        k = 0;
        f = x;
        hu = 1;
      }
    }
    if (hx >= 0x7ff00000) {
      return x + x;
    }
    if (k != 0) {
      double u;
      if (hx < 0x43400000) {
        u = 1.0 + x;
        hu = highWord(u);
        k = (hu >> 20) - 1023;
        c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
        c /= u;
      } else {
        u = x;
        hu = highWord(u);
        k = (hu >> 20) - 1023;
        c = 0;
      }
      hu &= 0x000fffff;
      if (hu < 0x6a09e) {
        u = withHighWord(u, hu | 0x3ff00000); // normalize u
      } else {
        k += 1;
        u = withHighWord(u, hu | 0x3fe00000); // normalize u/2
        hu = (0x00100000 - hu) >> 2;
      }
      f = u - 1.0;
    }
    double hfsq = 0.5 * f * f;
    if (hu == 0) { // |f| < 2**-20
      if (f == 0) {
        if (k == 0) {
          return 0;
        }
        c += k * LN2_LO;
        return k * LN2_HI + c;
      }
      double r = hfsq * (1.0 - 0.66666666666666666 * f);
      return k == 0 ? f - r : k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
    }
    double s = f / (2.0 + f);
    double z = s * s;
    double r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
    return k == 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
  }

  private static int highWord(double x) {
    return (int) (Double.doubleToRawLongBits(x) >>> 32);
  }

  private static double withHighWord(double x, int high) {
    return Double.longBitsToDouble(((long) high << 32) | (Double.doubleToRawLongBits(x) & 0xffffffffL));
  }
}
