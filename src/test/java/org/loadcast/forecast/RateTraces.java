package org.loadcast.forecast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** The real rate series of ../shared/data/rate_series (see its README.md), as 5-minute mean rates. */
public final class RateTraces {
  static final Path SERIES = Path.of("../shared/data/rate_series");
  public static final int BUCKET_SECONDS = 300;
  /** August: the Hurricane Erin outage, 1 Aug 14:52 to 3 Aug 04:36, zeros in the file, missing in fact. */
  private static final int AUGUST_OUTAGE_START_SECOND = 53_521;
  private static final int AUGUST_OUTAGE_SECONDS = 135_851;

  private RateTraces() {
  }

  /** NASA July 1995, requests/s per 5-minute bucket from 1 Jul 00:00:01 EDT. */
  public static double[] nasaJuly() throws IOException {
    return buckets(perSecond("nasa_ksc_1995-07_requests_per_second.txt.gz"), -1, 0);
  }

  /** NASA August 1995, with the buckets touching the outage missing (NaN). */
  public static double[] nasaAugust() throws IOException {
    return buckets(perSecond("nasa_ksc_1995-08_requests_per_second.txt.gz"), AUGUST_OUTAGE_START_SECOND,
        AUGUST_OUTAGE_SECONDS);
  }

  /** WorldCup98, requests/s per 5-minute bucket from 30 Apr 21:30 UTC; a bucket with a missing minute is NaN. */
  public static double[] worldCup() throws IOException {
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    List<String> lines = Files.readAllLines(SERIES.resolve("worldcup98_requests_per_minute.csv"));
    LocalDateTime first = LocalDateTime.parse(lines.get(1).split(",")[0], format);
    LocalDateTime last = LocalDateTime.parse(lines.get(lines.size() - 1).split(",")[0], format);
    double[] minutes = new double[(int) Duration.between(first, last).toMinutes() + 1];
    Arrays.fill(minutes, Double.NaN);
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      minutes[(int) Duration.between(first, LocalDateTime.parse(fields[0], format)).toMinutes()] =
          Double.parseDouble(fields[1]);
    }
    double[] rates = new double[minutes.length / 5];
    for (int b = 0; b < rates.length; b++) {
      rates[b] = Arrays.stream(minutes, 5 * b, 5 * b + 5).sum() / BUCKET_SECONDS;
    }
    return rates;
  }

  private static int[] perSecond(String file) throws IOException {
    List<Integer> counts = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(SERIES.resolve(file))), StandardCharsets.US_ASCII))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        counts.add(Integer.parseInt(line.trim()));
      }
    }
    return counts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double[] buckets(int[] perSecond, int missingFrom, int missingSeconds) {
    double[] rates = new double[perSecond.length / BUCKET_SECONDS];
    for (int b = 0; b < rates.length; b++) {
      int from = b * BUCKET_SECONDS;
      boolean missing = from < missingFrom + missingSeconds && from + BUCKET_SECONDS > missingFrom;
      rates[b] = missing ? Double.NaN
          : (double) Arrays.stream(perSecond, from, from + BUCKET_SECONDS).sum() / BUCKET_SECONDS;
    }
    return rates;
  }
}
