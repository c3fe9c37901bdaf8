package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Hand-made damaged inputs, one per rule of {@link TextLines} and one per bug the property tests
 * ({@link LogParsingPropertyTest}, {@link SeriesReaderPropertyTest}) found, each with its fix's expected result.
 */
class HostileInputTest {
  private static final String LINE = "host - - [01/Aug/1995:00:00:01 -0400] \"GET /a HTTP/1.0\" 200 5";

  private static TrafficSources.SeriesRead read(byte[] bytes, String format, TrafficReadOptions options) {
    return TrafficSources.readSeries(new ByteArrayInputStream(bytes), "in", Optional.ofNullable(format).map(TrafficFormat::parse),
        options, null);
  }

  private static TrafficSources.SeriesRead read(String text, String format) {
    return read(text.getBytes(StandardCharsets.UTF_8), format, TrafficReadOptions.defaults().withInputTimezone(ZoneOffset.UTC));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static String lines(int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(LINE.replace("00:00:01", String.format("00:%02d:%02d", i / 60 % 60, i % 60))).append('\n');
    }
    return text.toString();
  }

  @Test
  void lines_byteOrderMarkAtTheStart_isDroppedAndTheFirstLineParses() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = lines(3).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(bom, 3 + text.length);
    System.arraycopy(text, 0, bytes, 3, text.length);
    DataQuality q = read(bytes, null, TrafficReadOptions.defaults()).series().quality();
    assertThat(q.totalRequests()).isEqualTo(3);
    assertThat(q.malformedLines()).isZero();
  }

  @Test
  void lines_nonUtf8Byte_isCountedAtItsLineAndColumn() {
    byte[] bytes = (lines(2) + "h\u00e9st" + LINE.substring(4) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    DataQuality q = read(bytes, "common", TrafficReadOptions.defaults()).series().quality();
    assertThat(q.totalRequests()).isEqualTo(3);
    assertThat(q.nonUtf8Lines()).isEqualTo(1);
    assertThat(q.firstNonUtf8Line()).isEqualTo(3);
    assertThat(q.firstNonUtf8Column()).isEqualTo(2);
  }

  @Test
  void lines_longerThanTheLimit_isLeftOutWithItsReason() {
    String text = lines(2) + "x".repeat(TextLines.MAX_LINE_BYTES + 10) + "\n" + lines(1);
    DataQuality q = read(text, "common").series().quality();
    assertThat(q.totalRequests()).isEqualTo(3);
    assertThat(q.malformedLines()).isEqualTo(1);
    assertThat(q.firstMalformedLines()).containsExactly(3L);
    assertThat(q.firstMalformedReason()).isEqualTo("the line is longer than 1048576 bytes");
  }

  @Test
  void readSeries_gzipCutShort_isAnErrorAtTheLineWhereItStops() throws IOException {
    byte[] whole = gzip(lines(3000));
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> read(cut, null, TrafficReadOptions.defaults()))
        .isInstanceOf(InputException.class)
        .hasMessageMatching("in:\\d+:\\d+: the gzip stream ends early \\(truncated: Unexpected end of ZLIB input stream\\) "
            + "in line \\d+, after \\d+ whole line\\(s\\); nothing was derived");
  }

  /** Found by LogParsingPropertyTest: a cut inside the 10-byte gzip header gave "cannot read the input: null". */
  @Test
  void readSeries_gzipCutInItsHeader_isAnErrorAtLine1() throws IOException {
    byte[] cut = Arrays.copyOf(gzip(lines(3)), 5);
    assertThatThrownBy(() -> read(cut, null, TrafficReadOptions.defaults()))
        .isInstanceOf(InputException.class)
        .hasMessage("in:1:1: the gzip stream ends early (truncated) in its header, before line 1; nothing was derived");
  }

  /** Found by SeriesReaderPropertyTest: any character up to a space was stripped, so "7\0" counted 7. */
  @Test
  void readSeries_countFollowedByAControlByte_isLeftOut() {
    TrafficReadOptions options = TrafficReadOptions.defaults().withStart(OffsetDateTime.parse("1995-07-01T00:00:00Z"));
    TrafficSeries series = read("3\n7\u0000\n \t5\t\n".getBytes(StandardCharsets.UTF_8), "counts", options).series();
    assertThat(series.counts()).containsExactly(3, 0, 5);
    assertThat(series.quality().firstMalformedReason())
        .isEqualTo("each line must hold a whole number of requests from 0 to 2147483647, but was '7\\x00'");
  }

  /** Found by SeriesReaderPropertyTest: a count above 2^31 - 1 threw an ArithmeticException out of the reader. */
  @Test
  void readSeries_csvCountAboveIntMax_isLeftOutWithItsReason() {
    DataQuality q = read("t,c\n1998-05-01 00:00:00,5\n1998-05-01 00:01:00,1099511627776\n1998-05-01 00:02:00,6\n", null)
        .series().quality();
    assertThat(q.totalRequests()).isEqualTo(11);
    assertThat(q.firstMalformedReason()).isEqualTo("the count must be a whole number from 0 to 2147483647, but was '1099511627776'");
  }

  /** Found by SeriesReaderPropertyTest: leaving out a negative point made the step 120 s and doubled the counts. */
  @Test
  void readSeries_prometheusNegativePoint_keepsTheStepAndIsMissing() {
    String json = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[\n"
        + "[804571200,\"2\"],\n[804571260,\"-3\"],\n[804571320,\"1\"]\n]}]}}";
    TrafficSeries series = read(json, null).series();
    assertThat(series.stepSeconds()).isEqualTo(60);
    assertThat(series.counts()).containsExactly(120, 0, 60);
    assertThat(series.missing()).containsExactly(false, true, false);
    assertThat(series.quality().firstMalformedLines()).containsExactly(3L);
  }

  /** Found by the bad-inputs corpus: one row out of order made the most common difference 120 s, not 60 s. */
  @Test
  void readSeries_csvRowOutOfOrder_keepsTheStep() {
    TrafficSeries series = read("t,c\n1998-05-01 00:00:00,5\n1998-05-01 00:02:00,4\n1998-05-01 00:01:00,6\n1998-05-01 00:03:00,7\n",
        null).series();
    assertThat(series.stepSeconds()).isEqualTo(60);
    assertThat(series.counts()).containsExactly(5, 6, 4, 7);
    assertThat(series.quality().outOfOrderLines()).isEqualTo(1);
  }

  /** Found by SeriesReaderPropertyTest: a row cut to "1,690" (epoch second 1) moved the grid, and every other row was off it. */
  @Test
  void readSeries_oneRowOffTheGridEarlier_doesNotMoveTheGrid() {
    TrafficSeries series = read("t,c\n1,690\n1998-05-01 00:00:00,5\n1998-05-01 00:01:00,4\n1998-05-01 00:02:00,6\n", null).series();
    assertThat(series.start()).isEqualTo(OffsetDateTime.parse("1998-05-01T00:00:00Z"));
    assertThat(series.counts()).containsExactly(5, 4, 6);
    assertThat(series.quality().firstMalformedLines()).containsExactly(2L);
    assertThat(series.quality().firstMalformedReason())
        .isEqualTo("the timestamp must fall on the grid of 60 s steps that most points share, but is 1.000 s after a grid time");
  }

  @Test
  void readSeries_leapSecond_countsInTheSecondBefore() {
    String log = LINE.replace("01/Aug/1995:00:00:01 -0400", "30/Jun/1997:23:59:59 +0000") + "\n"
        + LINE.replace("01/Aug/1995:00:00:01 -0400", "30/Jun/1997:23:59:60 +0000") + "\n"
        + LINE.replace("01/Aug/1995:00:00:01 -0400", "01/Jul/1997:00:00:00 +0000") + "\n"
        + LINE.replace("01/Aug/1995:00:00:01 -0400", "01/Jul/1997:00:01:60 +0000") + "\n";
    TrafficSeries series = read(log, "common").series();
    assertThat(series.counts()).containsExactly(2, 1);
    assertThat(series.quality().leapSecondLines()).isEqualTo(1);
    assertThat(series.quality().firstMalformedLines()).as("a :60 outside the last minute of an hour").containsExactly(4L);
  }

  @Test
  void readSeries_timeZoneChange_countsInAbsoluteTime() {
    String log = LINE.replace("00:00:01 -0400", "01:59:59 -0400") + "\n" + LINE.replace("00:00:01 -0400", "01:00:00 -0500") + "\n";
    TrafficSeries series = read(log, "common").series();
    assertThat(series.counts()).containsExactly(1, 1);
    assertThat(series.quality().offsetsSeen()).containsExactly(ZoneOffset.ofHours(-4), ZoneOffset.ofHours(-5));
  }

  @Test
  void quoted_controlCharactersAndQuotes_areEscaped() {
    assertThat(TextLines.quoted("a'b\\c\u001b[31m\u2028")).isEqualTo("'a\\'b\\\\c\\x1b[31m\\u2028'");
    assertThat(TextLines.quoted("x".repeat(70))).isEqualTo("'" + "x".repeat(60) + "'...");
  }
}
