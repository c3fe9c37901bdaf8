package org.loadcast.profile;

import java.io.InputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The format of a traffic input, one of a closed set: access logs (Common, Combined, custom Apache
 * or nginx patterns), per-step counts, {@code timestamp,count} CSV and Prometheus range-query JSON.
 *
 * <p>Names, as {@code --format} takes them: {@code common}, {@code combined}, {@code apache-common},
 * {@code apache-combined}, {@code nginx}, {@code apache:<LogFormat>}, {@code nginx:<log_format>},
 * {@code counts}, {@code csv}, {@code prometheus}.
 */
public sealed interface TrafficFormat
    permits TrafficFormat.AccessLog, TrafficFormat.Counts, TrafficFormat.Csv, TrafficFormat.Prometheus {

  /** The names {@link #parse} accepts, for messages. */
  String NAMES = "common, combined, apache-common, apache-combined, nginx, apache:<LogFormat>, nginx:<log_format>, "
      + "counts, csv, prometheus";

  /** Returns the format's name as {@link #parse} takes it. */
  String name();

  /**
   * Reads the whole input in one pass.
   *
   * @param in the input's bytes, decompressed, positioned at its start; UTF-8 text
   * @param source the input's name for messages, such as its path
   * @param options what the content does not say
   * @param requests receives each parsed request of a log, in file order; null when not wanted;
   *     never called for series formats
   * @return the series with its data quality
   * @throws IOException when the input cannot be read
   * @throws InputException when the input holds no usable data, lacks an option it needs, or its
   *     bytes stop early (a truncated or corrupt gzip stream), at the line where they stop
   */
  TrafficSeries read(InputStream in, String source, TrafficReadOptions options, Consumer<? super AccessLogEntry> requests)
      throws IOException;

  /** Returns whether the format is an access log, whose requests a consumer can receive. */
  default boolean isAccessLog() {
    return this instanceof AccessLog;
  }

  /**
   * An access log in a line format.
   *
   * @param lineFormat the layout of each line
   */
  record AccessLog(LogLineFormat lineFormat) implements TrafficFormat {
    /** Validates the format. */
    public AccessLog {
      if (lineFormat == null) {
        throw new IllegalArgumentException("lineFormat is required");
      }
    }

    @Override
    public String name() {
      return lineFormat.name();
    }

    @Override
    public TrafficSeries read(InputStream in, String source, TrafficReadOptions options,
        Consumer<? super AccessLogEntry> requests) throws IOException {
      return LogSeriesReader.read(in, source, lineFormat, options, requests);
    }
  }

  /** One non-negative whole number per line, the requests of consecutive steps; needs a start. */
  record Counts() implements TrafficFormat {
    @Override
    public String name() {
      return "counts";
    }

    @Override
    public TrafficSeries read(InputStream in, String source, TrafficReadOptions options,
        Consumer<? super AccessLogEntry> requests) throws IOException {
      return CountsSeriesReader.read(in, source, options);
    }
  }

  /** {@code timestamp,count} rows after a two-column header. */
  record Csv() implements TrafficFormat {
    @Override
    public String name() {
      return "csv";
    }

    @Override
    public TrafficSeries read(InputStream in, String source, TrafficReadOptions options,
        Consumer<? super AccessLogEntry> requests) throws IOException {
      return CsvSeriesReader.read(in, source, options);
    }
  }

  /** A Prometheus HTTP API {@code query_range} response (a matrix); several series are summed. */
  record Prometheus() implements TrafficFormat {
    @Override
    public String name() {
      return "prometheus";
    }

    @Override
    public TrafficSeries read(InputStream in, String source, TrafficReadOptions options,
        Consumer<? super AccessLogEntry> requests) throws IOException {
      return PrometheusSeriesReader.read(in, source, options);
    }
  }

  /**
   * Returns the format with a name (see the type's documentation).
   *
   * @param name the name
   * @return the format
   * @throws IllegalArgumentException if the name is unknown or a custom pattern does not compile;
   *     the message says which
   */
  static TrafficFormat parse(String name) {
    switch (name) {
      case "common":
      case "apache-common":
        return new AccessLog(LogLineFormat.COMMON);
      case "combined":
      case "apache-combined":
        return new AccessLog(LogLineFormat.COMBINED);
      case "nginx":
        return new AccessLog(LogLineFormat.NGINX_COMBINED);
      case "counts":
        return new Counts();
      case "csv":
        return new Csv();
      case "prometheus":
        return new Prometheus();
      default:
        break;
    }
    if (name.startsWith("apache:")) {
      return new AccessLog(LogLineFormat.apache(name, name.substring("apache:".length())));
    }
    if (name.startsWith("nginx:")) {
      return new AccessLog(LogLineFormat.nginx(name, name.substring("nginx:".length())));
    }
    throw new IllegalArgumentException("--format must be one of " + NAMES + ", but was '" + name + "'");
  }

  /**
   * Guesses the format from the first non-empty lines of an input.
   *
   * <p>In order: a JSON object (an opening brace) is Prometheus; whole numbers only are counts; lines that most parse
   * as Combined (then Common) are that log; two comma-separated columns are CSV.
   *
   * @param firstLines up to about 5 non-empty lines from the start of the input
   * @return the format, or empty when none fits
   */
  static Optional<TrafficFormat> detect(List<String> firstLines) {
    if (firstLines.isEmpty()) {
      return Optional.empty();
    }
    String first = firstLines.get(0).strip();
    if (first.startsWith("{")) {
      return Optional.of(new Prometheus());
    }
    if (firstLines.stream().allMatch(l -> l.strip().matches("\\d{1,18}"))) {
      return Optional.of(new Counts());
    }
    for (LogLineFormat format : List.of(LogLineFormat.COMBINED, LogLineFormat.COMMON)) {
      LogLineParser parser = new LogLineParser(format);
      long parsed = firstLines.stream().filter(parser::parse).count();
      if (parsed * 2 > firstLines.size()) {
        return Optional.of(new AccessLog(format));
      }
    }
    if (firstLines.size() >= 2 && firstLines.stream().allMatch(l -> l.split(",", -1).length == 2)) {
      return Optional.of(new Csv());
    }
    return Optional.empty();
  }
}
