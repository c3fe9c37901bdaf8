package org.loadcast.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.TreeMap;

/**
 * The series of the runway chart ({@code runway-chart.peb}), drawn by the capacity page and the
 * run report, and written as {@code series/runway.csv} ({@link SeriesExport}): one entry per day from the history's first daily
 * peak to the projection's last day, each day's time the Unix second at which it starts in the
 * profile's zone. A missing value is null.
 *
 * @param timezone the zone of the time axis, an IANA id such as {@code America/New_York}
 * @param date each day, ISO local date
 * @param time each day's start, Unix seconds
 * @param historyPeak each day's peak of the history in requests per second, null elsewhere
 * @param point the projected peak in requests per second, null in the history
 * @param lower the lower bound of its prediction interval
 * @param upper its upper bound
 * @param fleetCapacityPerSecond maxInstances × one instance's simulated capacity at the SLO
 * @param fleetSplitCapacityPerSecond maxInstances × the M/M/k capacity at the SLO (the planned bound)
 * @param runwayTime the start of the runway's day, Unix seconds; null unless the runway is reached
 */
record RunwaySeries(String timezone, String[] date, long[] time, Double[] historyPeak, Double[] point, Double[] lower,
    Double[] upper, double fleetCapacityPerSecond, double fleetSplitCapacityPerSecond, Long runwayTime) {

  /**
   * Returns the series of a capacity report; values rounded as {@link ChartData#round}.
   *
   * @param report the report, with at least one daily peak or projected day
   * @return the series
   * @throws java.util.NoSuchElementException if the report has no daily peak and no projected day
   */
  static RunwaySeries of(CapacityReport report) {
    ZoneId zone = ZoneId.of(report.timezone());
    TreeMap<LocalDate, Double[]> days = new TreeMap<>();
    report.dailyPeaks().forEach(p -> days.put(LocalDate.parse(p.date()),
        new Double[] {ChartData.round(p.peakRatePerSecond()), null, null, null}));
    report.projection().forEach(p -> days.put(LocalDate.parse(p.date()), new Double[] {null,
        ChartData.round(p.pointPerSecond()), ChartData.round(p.lowerPerSecond()), ChartData.round(p.upperPerSecond())}));
    LocalDate first = days.firstKey();
    int n = (int) ChronoUnit.DAYS.between(first, days.lastKey()) + 1;
    RunwaySeries series = new RunwaySeries(report.timezone(), new String[n], new long[n], new Double[n], new Double[n],
        new Double[n], new Double[n], report.fleetCapacityPerSecond(), report.fleetSplitCapacityPerSecond(),
        report.runwayDate() == null ? null : LocalDate.parse(report.runwayDate()).atStartOfDay(zone).toEpochSecond());
    for (int i = 0; i < n; i++) {
      LocalDate day = first.plusDays(i);
      series.date[i] = day.toString();
      series.time[i] = day.atStartOfDay(zone).toEpochSecond();
      Double[] row = days.getOrDefault(day, new Double[4]);
      series.historyPeak[i] = row[0];
      series.point[i] = row[1];
      series.lower[i] = row[2];
      series.upper[i] = row[3];
    }
    return series;
  }
}
