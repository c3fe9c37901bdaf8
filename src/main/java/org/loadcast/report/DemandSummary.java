package org.loadcast.report;

/**
 * The simulated demand: which stretch of which profile, and how it was scaled.
 *
 * @param profile the profile's name
 * @param timezone the profile's zone, for the time axis
 * @param horizonStartEpochSeconds wall-clock start of the horizon, in Unix seconds
 * @param horizonStart wall-clock start of the horizon, ISO-8601 in the profile's zone
 * @param horizonSeconds the horizon's length
 * @param historySeconds the profile before the horizon, which forecasters learn from
 * @param rateScale the factor applied to the profile's rate
 * @param peakRatePerSecond the scaled demand's peak over the horizon
 * @param peakInstances instances the peak needs at {@code peakUtilizationPercent}
 * @param peakUtilizationPercent see above
 * @param bridgedMissingSeconds seconds of the horizon with no data, bridged by a straight line
 */
public record DemandSummary(
    String profile, String timezone, long horizonStartEpochSeconds, String horizonStart, double horizonSeconds,
    double historySeconds, double rateScale, double peakRatePerSecond, double peakInstances,
    double peakUtilizationPercent, double bridgedMissingSeconds) {}
