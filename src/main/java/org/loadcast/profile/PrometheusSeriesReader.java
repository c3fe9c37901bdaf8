package org.loadcast.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.InputStream;
import java.io.IOException;

/**
 * Reads a Prometheus HTTP API {@code query_range} response with Jackson's streaming parser, one
 * token at a time: {@code {"status":"success","data":{"resultType":"matrix","result":[{"metric":
 * {...},"values":[[<unix seconds>,"<value>"],...]},...]}}} (Prometheus documentation, "HTTP API",
 * "Range vectors"). Values {@code NaN} and {@code ±Inf} are missing points. A sample at {@code t} counts the
 * step that ends at {@code t}, {@code [t − step, t)}: what {@code rate(x[step])} or {@code increase(x[step])}
 * at {@code t} measures.
 */
final class PrometheusSeriesReader {
  private static final JsonFactory JSON = JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build()
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

  private PrometheusSeriesReader() {}

  static TrafficSeries read(InputStream in, String source, TrafficReadOptions options) throws IOException {
    TimedPoints points = new TimedPoints();
    QualityTally tally = new QualityTally();
    tally.offset(0);
    String status = null;
    JsonParser json = null;
    try (JsonParser opened = JSON.createParser(in)) {
      json = opened;
      expect(json, json.nextToken(), JsonToken.START_OBJECT, source, "the response");
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("status")) {
          status = json.getValueAsString();
        } else if (field.equals("data")) {
          expect(json, value, JsonToken.START_OBJECT, source, "data");
          data(json, source, points, tally);
        } else {
          json.skipChildren();
        }
      }
    } catch (JsonParseException e) {
      throw new InputException(new InputProblem(source, Math.max(1, e.getLocation().getLineNr()),
          Math.max(1, e.getLocation().getColumnNr()), "the Prometheus response is not valid JSON: " + plain(e.getOriginalMessage())));
    } catch (IOException e) {
      long line = json == null ? 1 : json.currentLocation().getLineNr();
      long column = json == null ? 1 : json.currentLocation().getColumnNr();
      throw new InputException(new InputProblem(source, (int) Math.max(1, line), (int) Math.max(1, column),
          TextLines.readError(e) + " in the JSON; nothing was derived"));
    }
    if (!"success".equals(status)) {
      throw new InputException(new InputProblem(source, 0, 0,
          "status must be \"success\" in a Prometheus response, but was " + (status == null ? "absent" : "\"" + status + "\"")));
    }
    // A sample at t of rate(x[w]) or increase(x[w]) describes the window (t - w, t]: it counts the step that ends at t.
    return points.series(source, options, tally, options.prometheusValues() == PrometheusValues.RATE, true);
  }

  private static void data(JsonParser json, String source, TimedPoints points, QualityTally tally) throws IOException {
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (field.equals("resultType")) {
        if (!"matrix".equals(json.getValueAsString())) {
          throw problem(json, source, "data.resultType must be \"matrix\" (a query_range response), but was \""
              + json.getValueAsString() + "\"");
        }
      } else if (field.equals("result")) {
        expect(json, value, JsonToken.START_ARRAY, source, "data.result");
        while (json.nextToken() == JsonToken.START_OBJECT) {
          series(json, source, points, tally);
        }
      } else {
        json.skipChildren();
      }
    }
  }

  private static void series(JsonParser json, String source, TimedPoints points, QualityTally tally) throws IOException {
    points.newSeries();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (field.equals("values")) {
        expect(json, value, JsonToken.START_ARRAY, source, "data.result[].values");
        while (json.nextToken() == JsonToken.START_ARRAY) {
          point(json, points, tally);
        }
      } else {
        json.skipChildren();
      }
    }
  }

  /** Reads {@code [<unix seconds>, "<value>"]}; a point that is not one is malformed. */
  private static void point(JsonParser json, TimedPoints points, QualityTally tally) throws IOException {
    long line = json.currentLocation().getLineNr();
    tally.lines++;
    JsonToken time = json.nextToken();
    String timeText = time == null ? "nothing" : json.getText();
    double seconds = time == JsonToken.VALUE_NUMBER_INT || time == JsonToken.VALUE_NUMBER_FLOAT ? json.getDoubleValue() : Double.NaN;
    JsonToken valueToken = json.nextToken();
    String text = valueToken == JsonToken.VALUE_STRING ? json.getText() : null;
    JsonToken end = valueToken == JsonToken.END_ARRAY ? valueToken : json.nextToken();
    if (end != JsonToken.END_ARRAY) {
      while (json.currentToken() != JsonToken.END_ARRAY && json.currentToken() != null) {
        json.skipChildren();
        json.nextToken();
      }
      tally.malformed(line, "a point must be [<unix seconds>, \"<value>\"], but has more than two elements");
      return;
    }
    double value = parse(text);
    if (!Double.isFinite(seconds) || seconds < TimedPoints.EARLIEST_MILLIS / 1000.0 || seconds > TimedPoints.LATEST_MILLIS / 1000.0) {
      tally.malformed(line, "a point's time must be unix seconds from year 0 to 9999, but was "
          + TextLines.quoted(timeText));
      return;
    }
    long millis = Math.round(seconds * 1000);
    if (text == null || value < 0) {
      tally.malformed(line, "a point's value must be a string holding a number >= 0, NaN or Inf, but was "
          + (text == null ? String.valueOf(valueToken) : TextLines.quoted(text)));
      points.addLeftOut(millis, line, 0);
      return;
    }
    if (millis <= points.previousMillis()) {
      tally.outOfOrder++;
    }
    points.add(millis, Double.isFinite(value) ? value : Double.NaN, line, 0);
  }

  /** Returns Jackson's message without its pointer to the source, such as {@code (start marker at [Source: ...])}. */
  private static String plain(String message) {
    int source = message.indexOf(" (start marker at [Source:");
    String text = source < 0 ? message : message.substring(0, source);
    return text.startsWith("Unexpected end-of-input") ? text + "; is the response cut short?" : text;
  }

  private static double parse(String text) {
    if (text == null) {
      return Double.NaN;
    }
    if (text.equals("+Inf") || text.equals("-Inf") || text.equals("Inf")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void expect(JsonParser json, JsonToken actual, JsonToken expected, String source, String what) {
    if (actual != expected) {
      throw problem(json, source, what + " must be a JSON " + (expected == JsonToken.START_OBJECT ? "object" : "array")
          + ", but was " + actual);
    }
  }

  private static InputException problem(JsonParser json, String source, String message) {
    return new InputException(new InputProblem(source, Math.max(1, json.currentLocation().getLineNr()),
        Math.max(1, json.currentLocation().getColumnNr()), message));
  }
}
