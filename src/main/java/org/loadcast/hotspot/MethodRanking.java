package org.loadcast.hotspot;

import java.util.List;

/**
 * JVM methods ranked by execution samples, from JDK Flight Recorder.
 *
 * <p>Self samples count a method when it is the top frame, where the CPU was; total samples count it
 * when it is anywhere in the stack, once per sample however often it recurs (the usual "self" and
 * "total" of profilers, e.g. async-profiler and JDK Mission Control).
 *
 * @param samples the execution samples kept by the filters, {@code >= 0}
 * @param bySelf the top methods by self samples, descending, ties by name; empty when no samples
 * @param byTotal the top methods by total samples, descending, ties by name; empty when no samples
 * @param pareto how few methods, by self samples over all methods (not only the top ones), account
 *     for the threshold share of the samples; {@code 0 of 0} when no samples
 */
public record MethodRanking(long samples, List<MethodHotspot> bySelf, List<MethodHotspot> byTotal, ParetoLine pareto) {

  /** Copies the lists. */
  public MethodRanking {
    bySelf = List.copyOf(bySelf);
    byTotal = List.copyOf(byTotal);
  }

  /** Returns the Pareto line as a sentence, e.g. "3 of 40 methods account for 90 % of the samples". */
  public String paretoSentence() {
    return pareto.sentence("methods", "the CPU samples");
  }
}
