package org.loadcast.autoscale;

import java.util.Arrays;
import java.util.List;

/**
 * How a step adjustment changes the capacity: the EC2 Auto Scaling adjustment types
 * (AUTOSCALING.md §2.2), each under its AWS name.
 */
public enum AdjustmentType {
  /** Adds the adjustment (negative to remove): {@code ChangeInCapacity}. */
  CHANGE_IN_CAPACITY("ChangeInCapacity") {
    @Override
    int apply(int capacity, int adjustment, int minAdjustmentMagnitude) {
      return capacity + adjustment;
    }
  },
  /** Sets the capacity to the adjustment: {@code ExactCapacity}. */
  EXACT_CAPACITY("ExactCapacity") {
    @Override
    int apply(int capacity, int adjustment, int minAdjustmentMagnitude) {
      return adjustment;
    }
  },
  /**
   * Adds the adjustment in percent of the capacity: {@code PercentChangeInCapacity}. A change above
   * 1 rounds down, one in (0, 1) becomes 1, one in (−1, 0) becomes −1, and one below −1 rounds up;
   * then a change smaller in size than {@code MinAdjustmentMagnitude} grows to it.
   */
  PERCENT_CHANGE_IN_CAPACITY("PercentChangeInCapacity") {
    @Override
    int apply(int capacity, int adjustment, int minAdjustmentMagnitude) {
      double exact = capacity * adjustment / 100.0;
      int change;
      if (exact > 1) {
        change = (int) Math.floor(exact);
      } else if (exact > 0) {
        change = 1;
      } else if (exact < -1) {
        change = (int) Math.ceil(exact);
      } else if (exact < 0) {
        change = -1;
      } else {
        change = 0;
      }
      if (change != 0 && Math.abs(change) < minAdjustmentMagnitude) {
        change = Integer.signum(change) * minAdjustmentMagnitude;
      }
      return capacity + change;
    }
  };

  private final String awsName;

  AdjustmentType(String awsName) {
    this.awsName = awsName;
  }

  /** Returns the AWS name, such as {@code ChangeInCapacity}: the name in YAML. */
  public String awsName() {
    return awsName;
  }

  /**
   * Returns the new capacity.
   *
   * @param capacity the capacity the adjustment starts from, {@code >= 0}
   * @param adjustment the step's scaling adjustment: instances, percent, or the exact capacity
   * @param minAdjustmentMagnitude the smallest change a percent adjustment makes, {@code >= 0};
   *     ignored by the other types
   * @return the new capacity, before the min and max; may be below 1
   */
  abstract int apply(int capacity, int adjustment, int minAdjustmentMagnitude);

  /**
   * Returns the type with the given AWS name.
   *
   * @param awsName such as {@code PercentChangeInCapacity}
   * @return the type
   * @throws IllegalArgumentException if no type has that name; the message lists the names
   */
  public static AdjustmentType ofAwsName(String awsName) {
    for (AdjustmentType t : values()) {
      if (t.awsName.equals(awsName)) {
        return t;
      }
    }
    List<String> names = Arrays.stream(values()).map(AdjustmentType::awsName).toList();
    throw new IllegalArgumentException("adjustmentType must be one of " + String.join(", ", names) + ", but was '"
        + awsName + "'");
  }
}
