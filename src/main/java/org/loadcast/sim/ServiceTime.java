package org.loadcast.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The distribution of the time one worker spends on one request.
 *
 * <p>A sealed set: {@link Exponential}, {@link LogNormal}, {@link Deterministic}, {@link Empirical}
 * (from a measured HdrHistogram) and {@link PerTemplate} (one distribution per request template of
 * the mix). Each variant draws from a stream the caller owns, so service times come from their own
 * named stream.
 */
public sealed interface ServiceTime {

  /** Returns one service time in seconds, {@code > 0} (0 only for a deterministic 0). */
  double sampleSeconds(SplittableRandom random);

  /** Returns the mean service time in seconds. */
  double meanSeconds();

  /** Returns the squared coefficient of variation, Var/mean². */
  double squaredCoefficientOfVariation();

  /** Returns the service-time quantile at probability {@code p} in (0, 1), in seconds. */
  double quantileSeconds(double p);

  /** Returns the probability that a service time is at most {@code seconds}, in [0, 1]. */
  double cumulativeProbability(double seconds);

  /**
   * Exponential service times, drawn by inversion.
   *
   * @param meanSeconds the mean, {@code > 0}
   */
  record Exponential(double meanSeconds) implements ServiceTime {
    /** Validates the mean. @throws IllegalArgumentException if it is not finite and {@code > 0} */
    public Exponential {
      requirePositive("meanSeconds", meanSeconds);
    }

    @Override
    public double sampleSeconds(SplittableRandom random) {
      return meanSeconds * RandomStreams.exponential(random);
    }

    @Override
    public double squaredCoefficientOfVariation() {
      return 1;
    }

    @Override
    public double quantileSeconds(double p) {
      return -meanSeconds * Math.log1p(-checkProbability(p));
    }

    @Override
    public double cumulativeProbability(double seconds) {
      return seconds <= 0 ? 0 : -Math.expm1(-seconds / meanSeconds);
    }
  }

  /**
   * Log-normal service times: {@code exp(μ + σZ)} with {@code μ = ln(medianSeconds)}.
   *
   * @param medianSeconds the median, {@code e^μ}, {@code > 0}
   * @param sigma the standard deviation of the logarithm, {@code >= 0}
   */
  record LogNormal(double medianSeconds, double sigma) implements ServiceTime {
    /** Validates the parameters. @throws IllegalArgumentException if one is out of range */
    public LogNormal {
      requirePositive("medianSeconds", medianSeconds);
      if (!(sigma >= 0) || !Double.isFinite(sigma)) {
        throw new IllegalArgumentException("sigma must be a finite number >= 0, but was " + sigma);
      }
    }

    @Override
    public double sampleSeconds(SplittableRandom random) {
      return medianSeconds * Math.exp(sigma * random.nextGaussian());
    }

    @Override
    public double meanSeconds() {
      return medianSeconds * Math.exp(sigma * sigma / 2);
    }

    @Override
    public double squaredCoefficientOfVariation() {
      return Math.expm1(sigma * sigma);
    }

    @Override
    public double quantileSeconds(double p) {
      double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(checkProbability(p));
      return medianSeconds * Math.exp(sigma * z);
    }

    @Override
    public double cumulativeProbability(double seconds) {
      if (seconds <= 0) {
        return 0;
      }
      if (sigma == 0) {
        return seconds >= medianSeconds ? 1 : 0;
      }
      return new NormalDistribution(null, 0, 1).cumulativeProbability(Math.log(seconds / medianSeconds) / sigma);
    }
  }

  /**
   * The same service time for every request.
   *
   * @param seconds the service time, {@code > 0}
   */
  record Deterministic(double seconds) implements ServiceTime {
    /** Validates the time. @throws IllegalArgumentException if it is not finite and {@code > 0} */
    public Deterministic {
      requirePositive("seconds", seconds);
    }

    @Override
    public double sampleSeconds(SplittableRandom random) {
      return seconds;
    }

    @Override
    public double meanSeconds() {
      return seconds;
    }

    @Override
    public double squaredCoefficientOfVariation() {
      return 0;
    }

    @Override
    public double quantileSeconds(double p) {
      checkProbability(p);
      return seconds;
    }

    @Override
    public double cumulativeProbability(double atSeconds) {
      return atSeconds >= seconds ? 1 : 0;
    }
  }

  /**
   * Service times drawn from a measured latency histogram: a piecewise-uniform distribution whose
   * bins are the histogram's buckets of equivalent values.
   *
   * <p>Each bin {@code [lowSeconds, highSeconds)} holds {@code count} of the measurements, spread
   * evenly over it. A draw is the inverse of this distribution's CDF at one uniform number (inverse
   * transform sampling; Devroye, "Non-Uniform Random Variate Generation", Springer 1986, §II.2), so
   * its quantiles fall in the bucket where the histogram's own percentiles fall: they agree within
   * the histogram's precision. The mean and variance are the exact moments of the uniform mixture.
   *
   * @param bins the buckets in increasing order, not overlapping, each with {@code count >= 1}; at
   *     least one
   */
  record Empirical(List<Bin> bins) implements ServiceTime {

    /**
     * One bucket of the histogram.
     *
     * @param lowSeconds its lowest value, {@code >= 0}
     * @param highSeconds the end of the bucket, exclusive, {@code > lowSeconds}
     * @param count measurements in it, {@code >= 1}
     * @param cumulativeCount measurements in it and in every bucket below it
     */
    public record Bin(double lowSeconds, double highSeconds, long count, long cumulativeCount) {}

    /**
     * Validates and copies the bins.
     *
     * @throws IllegalArgumentException if there is none, a bin is empty or inverted, bins overlap or
     *     are out of order, or a cumulative count does not add up
     */
    public Empirical {
      if (bins == null || bins.isEmpty()) {
        throw new IllegalArgumentException("bins must hold at least one measurement, but the histogram was empty");
      }
      bins = List.copyOf(bins);
      long sum = 0;
      double end = 0;
      for (int i = 0; i < bins.size(); i++) {
        Bin b = bins.get(i);
        if (!(b.lowSeconds() >= end) || !(b.highSeconds() > b.lowSeconds()) || !Double.isFinite(b.highSeconds())) {
          throw new IllegalArgumentException("bins[" + i + "] must be a finite range starting at or after " + end
              + " s, but was [" + b.lowSeconds() + ", " + b.highSeconds() + ")");
        }
        sum += b.count();
        if (b.count() < 1 || b.cumulativeCount() != sum) {
          throw new IllegalArgumentException("bins[" + i + "] must have count >= 1 and cumulativeCount " + sum
              + ", but had " + b.count() + " and " + b.cumulativeCount());
        }
        end = b.highSeconds();
      }
    }

    /**
     * Returns the distribution of a histogram's recorded values: each bucket of equivalent values
     * {@code [lowestEquivalentValue, nextNonEquivalentValue)} becomes a bin.
     *
     * @param histogram the measurements, such as the load test's latencies in microseconds; not
     *     changed
     * @param secondsPerUnit the seconds one histogram unit stands for, {@code > 0}: 1e-6 for
     *     microseconds
     * @return the distribution
     * @throws IllegalArgumentException if the histogram is empty or the unit is not finite and {@code > 0}
     */
    public static Empirical of(AbstractHistogram histogram, double secondsPerUnit) {
      requirePositive("secondsPerUnit", secondsPerUnit);
      List<Bin> bins = new ArrayList<>();
      long cumulative = 0;
      for (HistogramIterationValue v : histogram.recordedValues()) {
        long value = v.getValueIteratedTo();
        cumulative += v.getCountAtValueIteratedTo();
        bins.add(new Bin(histogram.lowestEquivalentValue(value) * secondsPerUnit,
            histogram.nextNonEquivalentValue(value) * secondsPerUnit, v.getCountAtValueIteratedTo(), cumulative));
      }
      return new Empirical(bins);
    }

    /** Returns the number of measurements. */
    public long totalCount() {
      return bins.get(bins.size() - 1).cumulativeCount();
    }

    @Override
    public double sampleSeconds(SplittableRandom random) {
      return inverse(random.nextDouble());
    }

    @Override
    public double meanSeconds() {
      double sum = 0;
      for (Bin b : bins) {
        sum += b.count() * (b.lowSeconds() + b.highSeconds()) / 2;
      }
      return sum / totalCount();
    }

    @Override
    public double squaredCoefficientOfVariation() {
      double square = 0;
      for (Bin b : bins) {
        double lo = b.lowSeconds();
        double hi = b.highSeconds();
        square += b.count() * (lo * lo + lo * hi + hi * hi) / 3;
      }
      double mean = meanSeconds();
      return Math.max(0, square / totalCount() / (mean * mean) - 1);
    }

    @Override
    public double quantileSeconds(double p) {
      return inverse(checkProbability(p));
    }

    @Override
    public double cumulativeProbability(double seconds) {
      long below = 0;
      for (Bin b : bins) {
        if (seconds < b.lowSeconds()) {
          break;
        }
        if (seconds < b.highSeconds()) {
          return (below + b.count() * (seconds - b.lowSeconds()) / (b.highSeconds() - b.lowSeconds())) / totalCount();
        }
        below = b.cumulativeCount();
      }
      return (double) below / totalCount();
    }

    /**
     * Returns the smallest value below which a fraction {@code u} in [0, 1) of the measurements lie,
     * {@code inf{x : F(x) >= u}}: at a boundary between buckets, the end of the lower one, as
     * HdrHistogram's {@code getValueAtPercentile} reports it.
     */
    private double inverse(double u) {
      double target = u * totalCount();
      int lo = 0;
      int hi = bins.size() - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (bins.get(mid).cumulativeCount() >= target) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      Bin b = bins.get(lo);
      double within = (target - (b.cumulativeCount() - b.count())) / b.count();
      return b.lowSeconds() + Math.min(1, within) * (b.highSeconds() - b.lowSeconds());
    }
  }

  /**
   * Service times that depend on the request template: each arrival is one template of the mix,
   * drawn by weight, and its service time comes from that template's distribution.
   *
   * <p>The distribution is the mixture {@code Σ wᵢ·Fᵢ / Σ wᵢ}: its mean is the weighted mean of the
   * templates' means, its second moment the weighted mean of {@code mᵢ²(1 + cᵢ²)}, and its quantile
   * is found by bisection on the mixture's CDF. {@link #sampleSeconds} draws the template and the
   * time from one stream; the simulator draws the template from a stream of its own ({@link
   * #templateIndex}), so that per-template times never move the arrivals or the other draws.
   *
   * @param templates the templates, in the mix's order; at least one, names unique
   */
  record PerTemplate(List<Template> templates) implements ServiceTime {

    /**
     * One template and its service time.
     *
     * @param name the template's name in the profile's request mix
     * @param weight its share of the requests, relative, finite and {@code > 0}
     * @param serviceTime its distribution; not itself per template
     */
    public record Template(String name, double weight, ServiceTime serviceTime) {
      /** Validates the template. @throws IllegalArgumentException if a field is missing or out of range */
      public Template {
        if (name == null || name.isEmpty()) {
          throw new IllegalArgumentException("name must not be empty");
        }
        requirePositive("weight", weight);
        if (serviceTime == null || serviceTime instanceof PerTemplate) {
          throw new IllegalArgumentException("serviceTime of template '" + name
              + "' must be a single distribution, but was " + (serviceTime == null ? "missing" : "per template"));
        }
      }
    }

    /** Validates and copies the templates. @throws IllegalArgumentException if none, or a name repeats */
    public PerTemplate {
      if (templates == null || templates.isEmpty()) {
        throw new IllegalArgumentException("templates must list at least one template, but was empty");
      }
      templates = List.copyOf(templates);
      Set<String> names = new HashSet<>();
      for (Template t : templates) {
        if (!names.add(t.name())) {
          throw new IllegalArgumentException("templates must have unique names, but '" + t.name() + "' repeats");
        }
      }
    }

    /** Returns the sum of the weights, {@code > 0}. */
    public double totalWeight() {
      return templates.stream().mapToDouble(Template::weight).sum();
    }

    /**
     * Returns the template a uniform draw selects, by cumulative weight.
     *
     * @param uniform a draw in [0, 1)
     * @return an index into {@link #templates}
     */
    public int templateIndex(double uniform) {
      double target = uniform * totalWeight();
      double sum = 0;
      for (int i = 0; i < templates.size() - 1; i++) {
        sum += templates.get(i).weight();
        if (target < sum) {
          return i;
        }
      }
      return templates.size() - 1;
    }

    @Override
    public double sampleSeconds(SplittableRandom random) {
      return templates.get(templateIndex(random.nextDouble())).serviceTime().sampleSeconds(random);
    }

    @Override
    public double meanSeconds() {
      double sum = 0;
      for (Template t : templates) {
        sum += t.weight() * t.serviceTime().meanSeconds();
      }
      return sum / totalWeight();
    }

    @Override
    public double squaredCoefficientOfVariation() {
      double second = 0;
      for (Template t : templates) {
        double m = t.serviceTime().meanSeconds();
        second += t.weight() * m * m * (1 + t.serviceTime().squaredCoefficientOfVariation());
      }
      double mean = meanSeconds();
      return Math.max(0, second / totalWeight() / (mean * mean) - 1);
    }

    @Override
    public double quantileSeconds(double p) {
      checkProbability(p);
      double lo = Double.POSITIVE_INFINITY;
      double hi = 0;
      for (Template t : templates) {
        lo = Math.min(lo, t.serviceTime().quantileSeconds(p));
        hi = Math.max(hi, t.serviceTime().quantileSeconds(p));
      }
      for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
        double mid = (lo + hi) / 2;
        if (cumulativeProbability(mid) >= p) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      return hi;
    }

    @Override
    public double cumulativeProbability(double seconds) {
      double sum = 0;
      for (Template t : templates) {
        sum += t.weight() * t.serviceTime().cumulativeProbability(seconds);
      }
      return sum / totalWeight();
    }
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, but was " + value);
    }
  }

  private static double checkProbability(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1), but was " + p);
    }
    return p;
  }
}
