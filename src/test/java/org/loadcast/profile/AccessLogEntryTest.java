package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogEntryTest {

  @Test
  void parse_commonLogFormat_readsTimeMethodPathAndStatus() {
    AccessLogEntry entry = AccessLogEntry.parse(
        "uplherc.upl.com - - [01/Aug/1995:00:00:07 -0400] \"GET / HTTP/1.0\" 304 0").orElseThrow();
    assertThat(entry.time().toString()).isEqualTo("1995-08-01T00:00:07-04:00");
    assertThat(entry.method()).isEqualTo("GET");
    assertThat(entry.path()).isEqualTo("/");
    assertThat(entry.status()).isEqualTo(304);
  }

  @Test
  void parse_http09RequestLine_hasNoProtocolButParses() {
    // line 914 of the NASA August slice
    AccessLogEntry entry = AccessLogEntry.parse(
        "columbia.acc.brad.ac.uk - - [01/Aug/1995:00:34:55 -0400] \"GET /ksc.html\" 200 7280").orElseThrow();
    assertThat(entry.path()).isEqualTo("/ksc.html");
  }

  @Test
  void parse_combinedFormatWithQuery_dropsTheQuery() {
    AccessLogEntry entry = AccessLogEntry.parse("83.149.9.216 - - [17/May/2015:10:05:03 +0000] "
        + "\"GET /presentations/logstash-monitorama-2013/images/kibana-search.png?x=1 HTTP/1.1\" 200 203023 "
        + "\"http://semicomplete.com/presentations/logstash-monitorama-2013/\" \"Mozilla/5.0 (Macintosh)\"").orElseThrow();
    assertThat(entry.path()).isEqualTo("/presentations/logstash-monitorama-2013/images/kibana-search.png");
    assertThat(entry.status()).isEqualTo(200);
  }

  @Test
  void parse_truncatedUserAgent_isNotAnEntry() {
    // line 8899 of the Elastic sample log: the user agent has no closing quote
    assertThat(AccessLogEntry.parse("46.118.127.106 - - [20/May/2015:12:05:17 +0000] "
        + "\"GET /scripts/grok-py-test/configlib.py HTTP/1.1\" 200 235 \"-\" "
        + "\"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html")).isEmpty();
  }

  @Test
  void parse_bytesDash_parses() {
    assertThat(AccessLogEntry.parse("h - - [01/Aug/1995:00:00:07 -0400] \"GET /a HTTP/1.0\" 404 -")).isPresent();
  }
}
