package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates with headers, bodies and placeholders: rendering, and one invalid template per rule. */
class RequestTemplateTest {
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private static RequestTemplate order() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Tenant", "{tenant}");
    return new RequestTemplate("order", "POST", "/users/{userId}/orders", headers,
        "{\"sku\": \"{sku}\", \"qty\": 1}", "orders.csv", 2.0);
  }

  @Test
  void placeholders_pathHeadersAndBody_inOrderOfFirstUse() {
    assertThat(order().placeholders()).containsExactly("userId", "tenant", "sku");
  }

  @Test
  void placeholders_jsonBracesAreNotPlaceholders() {
    RequestTemplate t = new RequestTemplate("t", "PUT", "/x", JSON, "{\"a\": {\"b\": 1}}", null, 1.0);
    assertThat(t.placeholders()).isEmpty();
  }

  @Test
  void render_substitutesAndEncodesOnlyThePath() {
    RequestTemplate.RenderedRequest r = order().render(Map.of("userId", "a b/ü", "tenant", "t 1", "sku", "x/y"));
    assertThat(r.path()).isEqualTo("/users/a%20b%2F%C3%BC/orders");
    assertThat(r.headers()).containsExactly(Map.entry("Content-Type", "application/json"), Map.entry("X-Tenant", "t 1"));
    assertThat(r.body()).isEqualTo("{\"sku\": \"x/y\", \"qty\": 1}");
    assertThat(r.method()).isEqualTo("POST");
  }

  @Test
  void render_missingValue_namesThePlaceholder() {
    assertThatThrownBy(() -> order().render(Map.of("userId", "1", "tenant", "t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values must hold placeholder 'sku' used in body, but it was missing; given: tenant, userId");
  }

  @Test
  void render_valueWithNewlineInHeader_isRejected() {
    assertThatThrownBy(() -> order().render(Map.of("userId", "1", "tenant", "a\r\nX: y", "sku", "s")))
        .hasMessageStartingWith("headers.X-Tenant must be a text without CR or LF");
  }

  @Test
  void encodePathSegment_keepsOnlyUnreserved() {
    assertThat(RequestTemplate.encodePathSegment("AZaz09-._~ !*'();:@&=+$,/?#[]%"))
        .isEqualTo("AZaz09-._~%20%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D%25");
  }

  @Test
  void fourArgConstructor_hasNoHeadersBodyOrFeeder() {
    RequestTemplate t = new RequestTemplate("home", "GET", "/", 3);
    assertThat(t.headers()).isEmpty();
    assertThat(t.body()).isNull();
    assertThat(t.feeder()).isNull();
    assertThat(t.weight()).isEqualTo(3.0);
    assertThat(t.render(Map.of()).path()).isEqualTo("/");
  }

  @Test
  void missingColumns_listsUnfilledPlaceholders() {
    assertThat(order().missingColumns(List.of("userId", "other"))).containsExactly("tenant", "sku");
  }

  @Test
  void constructor_placeholderWithoutFeeder_isRejected() {
    assertThatThrownBy(() -> new RequestTemplate("t", "GET", "/items/{id}", 1))
        .hasMessage("feeder must name a CSV file whose columns fill the placeholders id, but was missing");
  }

  @Test
  void constructor_bodyWithGet_isRejected() {
    assertThatThrownBy(() -> new RequestTemplate("t", "GET", "/", Map.of(), "x", null, 1.0))
        .hasMessage("body must be absent for method GET, but was 'x'");
  }

  @Test
  void constructor_bodyWithHead_isRejected() {
    assertThatThrownBy(() -> new RequestTemplate("t", "HEAD", "/", Map.of(), "x", null, 1.0))
        .hasMessage("body must be absent for method HEAD, but was 'x'");
  }

  @Test
  void constructor_headerNameNotAToken_isRejected() {
    assertThatThrownBy(() -> new RequestTemplate("t", "GET", "/", Map.of("Bad Name", "v"), null, null, 1.0))
        .hasMessage("headers must have names that are HTTP tokens (RFC 9110 §5.6.2), but was 'Bad Name'");
  }

  @Test
  void constructor_headerValueWithNewline_isRejected() {
    assertThatThrownBy(() -> new RequestTemplate("t", "GET", "/", Map.of("X", "a\nb"), null, null, 1.0))
        .hasMessage("headers.X must be a text without CR or LF, but was 'a\\nb'");
  }

  @Test
  void constructor_strayBraceInPath_isRejected() {
    assertThatThrownBy(() -> new RequestTemplate("t", "GET", "/a/{1x}", Map.of(), null, "f.csv", 1.0))
        .hasMessage("path must use braces only for placeholders {name} with name [A-Za-z][A-Za-z0-9_]*, but was '/a/{1x}'");
  }

  @Test
  void constructor_absoluteFeeder_isRejected() {
    assertThatThrownBy(() -> new RequestTemplate("t", "GET", "/", Map.of(), null, "/etc/x.csv", 1.0))
        .hasMessage("feeder must be a file path relative to the profile, but was '/etc/x.csv'");
  }

  @Test
  void constructor_zeroWeight_isRejected() {
    assertThatThrownBy(() -> new RequestTemplate("t", "GET", "/", 0))
        .hasMessage("weight must be a finite number > 0, but was 0.0");
  }

  @Test
  void constructor_unknownMethod_isRejected() {
    assertThatThrownBy(() -> new RequestTemplate("t", "FETCH", "/", 1))
        .hasMessageStartingWith("method must be one of DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, but was 'FETCH'");
  }

  @Test
  void constructor_headersKeepTheirOrder() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Z", "1");
    headers.put("A", "2");
    headers.put("M", "3");
    assertThat(new RequestTemplate("t", "GET", "/", headers, null, null, 1.0).headers().keySet())
        .containsExactly("Z", "A", "M");
  }

  @Test
  void constructor_blankName_isRejected() {
    assertThatThrownBy(() -> new RequestTemplate(" ", "GET", "/", 1)).hasMessage("name must not be blank, but was ' '");
  }

  @Test
  void constructor_pathWithoutSlash_isRejected() {
    assertThatThrownBy(() -> new RequestTemplate("t", "GET", "home", 1)).hasMessage("path must start with '/', but was 'home'");
  }
}
