package org.loadcast.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A large Common Log Format log made of copies of the real NASA August slice, copy {@code k}
 * shifted later by {@code k * shiftSeconds}: real lines, real per-second shapes, any size.
 */
final class ShiftedNasaLog {
  static final Path SLICE = Path.of("../shared/data/access_logs/nasa_ksc_1995-08-01_first20000.log");
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private final String[] prefixes;
  private final String[] suffixes;
  private final long[] localSeconds;
  private final String offset;

  ShiftedNasaLog() throws IOException {
    List<String> lines = Files.readAllLines(SLICE, StandardCharsets.US_ASCII);
    prefixes = new String[lines.size()];
    suffixes = new String[lines.size()];
    localSeconds = new long[lines.size()];
    String offsetSeen = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int open = line.indexOf('[');
      int close = line.indexOf(']', open);
      String time = line.substring(open + 1, close); // 01/Aug/1995:00:00:01 -0400
      prefixes[i] = line.substring(0, open + 1);
      suffixes[i] = line.substring(close);
      int month = List.of(MONTHS).indexOf(time.substring(3, 6)) + 1;
      long day = LocalDate.of(Integer.parseInt(time.substring(7, 11)), month, Integer.parseInt(time.substring(0, 2))).toEpochDay();
      localSeconds[i] = day * 86_400 + Integer.parseInt(time.substring(12, 14)) * 3_600L
          + Integer.parseInt(time.substring(15, 17)) * 60L + Integer.parseInt(time.substring(18, 20));
      offsetSeen = time.substring(21);
    }
    offset = offsetSeen;
  }

  /** Returns the number of lines of one copy. */
  int linesPerCopy() {
    return prefixes.length;
  }

  /**
   * Writes copies until at least {@code targetBytes} are written.
   *
   * @return the number of lines written
   */
  long write(OutputStream out, long targetBytes, long shiftSeconds) throws IOException {
    long lines = 0;
    long[] bytes = {0};
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16) {
      @Override
      public void write(String s) throws IOException {
        bytes[0] += s.length();
        super.write(s);
      }
    };
    StringBuilder time = new StringBuilder(32);
    for (long copy = 0; bytes[0] < targetBytes; copy++) {
      for (int i = 0; i < prefixes.length && bytes[0] < targetBytes; i++) {
        time.setLength(0);
        format(localSeconds[i] + copy * shiftSeconds, time);
        writer.write(prefixes[i]);
        writer.write(time.toString());
        writer.write(suffixes[i]);
        writer.write("\n");
        lines++;
      }
    }
    writer.flush();
    return lines;
  }

  private long cachedDay = Long.MIN_VALUE;
  private String cachedDayText;

  private void format(long local, StringBuilder to) {
    long day = Math.floorDiv(local, 86_400);
    if (day != cachedDay) {
      LocalDate date = LocalDate.ofEpochDay(day);
      cachedDayText = String.format(Locale.ROOT, "%02d/%s/%04d:", date.getDayOfMonth(), MONTHS[date.getMonthValue() - 1], date.getYear());
      cachedDay = day;
    }
    int second = (int) Math.floorMod(local, 86_400);
    to.append(cachedDayText);
    twoDigits(second / 3_600, to.append(""));
    twoDigits(second / 60 % 60, to.append(':'));
    twoDigits(second % 60, to.append(':'));
    to.append(' ').append(offset);
  }

  private static void twoDigits(int value, StringBuilder to) {
    to.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
