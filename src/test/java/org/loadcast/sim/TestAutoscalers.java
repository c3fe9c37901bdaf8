package org.loadcast.sim;

import java.util.function.ToIntFunction;

/** Autoscalers for tests: a rule given as a function, or a fixed replica count. */
public final class TestAutoscalers {
  private TestAutoscalers() {}

  /**
   * Returns an autoscaler that decides every {@code periodSeconds} with {@code decide}.
   *
   * @param periodSeconds the decision period, {@code > 0}
   * @param decide the desired replicas for a view
   * @return the autoscaler
   */
  public static Autoscaler deciding(double periodSeconds, ToIntFunction<ScalingView> decide) {
    return new Autoscaler() {
      @Override
      public double decisionPeriodSeconds() {
        return periodSeconds;
      }

      @Override
      public int desiredReplicas(ScalingView view) {
        return decide.applyAsInt(view);
      }
    };
  }

  /** Returns an autoscaler that keeps {@code replicas} instances, deciding once a minute: {@link FixedReplicas}. */
  public static Autoscaler fixed(int replicas) {
    return new FixedReplicas(replicas);
  }
}
