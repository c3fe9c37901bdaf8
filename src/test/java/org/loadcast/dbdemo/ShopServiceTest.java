package org.loadcast.dbdemo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo shop on a real, embedded PostgreSQL 15, at 20 000 orders. */
class ShopServiceTest {
  private static final int ORDERS = 20_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static EmbeddedPostgres postgres;
  private static DataSource shop;
  @TempDir
  static Path dir;

  @BeforeAll
  static void createTheShop() throws Exception {
    postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE shop");
      s.execute("CREATE DATABASE shop_again");
    }
    shop = postgres.getDatabase("postgres", "shop");
    try (Connection c = shop.getConnection()) {
      ShopData.create(c, ORDERS, 7);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  private static JsonNode get(ShopService service, String path, int status) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static long number(String sql) throws SQLException {
    try (Connection c = shop.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void data_hasTheSizesTheRulesAndTheMissingIndex() throws Exception {
    assertThat(number("SELECT count(*) FROM orders")).isEqualTo(ORDERS);
    assertThat(number("SELECT count(*) FROM customers")).isEqualTo(ORDERS / 20);
    assertThat(number("SELECT count(*) FROM products")).isEqualTo(2000);
    // 1 + (id × 2654435761 mod 4) lines per order
    assertThat(number("SELECT count(*) FROM order_items")).isEqualTo(number(
        "SELECT sum(1 + (i * 2654435761 % 4)) FROM generate_series(1, " + ORDERS + ") i"));
    assertThat(number("SELECT count(*) FROM orders o WHERE total_cents <> (SELECT sum(quantity * price_cents) FROM "
        + "order_items i WHERE i.order_id = o.id)")).isZero();
    assertThat(number("SELECT count(*) FROM pg_indexes WHERE tablename = 'orders' AND indexdef LIKE '%(customer_id%'")).isZero();
    assertThat(number("SELECT count(*) FROM pg_indexes WHERE indexname = 'order_items_product_id'")).isEqualTo(1);
    try (Connection c = shop.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN SELECT id FROM orders WHERE customer_id = 7")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("Seq Scan on orders");
    }
  }

  @Test
  void data_theSameSeed_givesTheSameRows() throws Exception {
    try (Connection c = postgres.getDatabase("postgres", "shop_again").getConnection()) {
      ShopData.create(c, ORDERS, 7);
    }
    String digest = "SELECT md5(string_agg(id || ':' || customer_id || ':' || status || ':' || created_at || ':' || total_cents, ',' "
        + "ORDER BY id)) FROM orders";
    try (Connection a = shop.getConnection(); Connection b = postgres.getDatabase("postgres", "shop_again").getConnection();
        Statement sa = a.createStatement(); Statement sb = b.createStatement();
        ResultSet ra = sa.executeQuery(digest); ResultSet rb = sb.executeQuery(digest)) {
      ra.next();
      rb.next();
      assertThat(rb.getString(1)).isEqualTo(ra.getString(1));
    }
  }

  @Test
  void endpoints_answerFromTheDatabase_andLogEveryStatementWithItsRequest() throws Exception {
    Path logFile = dir.resolve("statements.jsonl");
    try (StatementLog log = new StatementLog(logFile); ShopService service = new ShopService(shop, 2, false, log)) {
      JsonNode orders = get(service, "/customers/7/orders", 200);
      assertThat((long) orders.size()).isEqualTo(Math.min(20, number("SELECT count(*) FROM orders WHERE customer_id = 7")));
      JsonNode order = get(service, "/orders/5", 200);
      assertThat((long) order.get("lines").size()).isEqualTo(1 + (5L * 2654435761L % 4));
      JsonNode bestsellers = get(service, "/categories/category-03/bestsellers", 200);
      assertThat(bestsellers).hasSize(20);
      assertThat(bestsellers.get(0).get("units").asLong())
          .isEqualTo(number("SELECT sum(quantity) FROM order_items WHERE product_id = " + bestsellers.get(0).get("id").asLong()));
      assertThat(get(service, "/products/4", 200).get("category").asText()).isEqualTo("category-03");
      get(service, "/products/999999", 404);
      get(service, "/nothing", 404);
    }
    List<JsonNode> lines = Files.readAllLines(logFile).stream().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
    // 1 + 2 + (1 + 20) + 1 + 1 statements, the N+1 request's 21 under one request id
    assertThat(lines).hasSize(26);
    List<JsonNode> nPlusOne = lines.stream().filter(l -> l.get("requestName").asText().equals(ShopService.BESTSELLERS)).toList();
    assertThat(nPlusOne).hasSize(21).extracting(l -> l.get("requestId").asText()).containsOnly(nPlusOne.get(0).get("requestId").asText());
    assertThat(nPlusOne.subList(1, 21)).extracting(l -> l.get("sql").asText()).containsOnly(
        "SELECT count(*) AS orders, coalesce(sum(quantity), 0) AS units FROM order_items WHERE product_id = ?");
    assertThat(lines.get(0).get("params").get(0).asText()).isEqualTo("7");
    assertThat(lines).allMatch(l -> l.get("durationMicros").asLong() >= 0);
  }

  @Test
  void batched_answersTheSameWithTwoStatements() throws Exception {
    JsonNode nPlusOne;
    JsonNode batched;
    Path logFile = dir.resolve("batched.jsonl");
    try (StatementLog log = new StatementLog(dir.resolve("n-plus-one.jsonl")); ShopService service = new ShopService(shop, 1, false, log)) {
      nPlusOne = get(service, "/categories/category-11/bestsellers", 200);
    }
    try (StatementLog log = new StatementLog(logFile); ShopService service = new ShopService(shop, 1, true, log)) {
      batched = get(service, "/categories/category-11/bestsellers", 200);
    }
    assertThat(batched).isEqualTo(nPlusOne);
    assertThat(Files.readAllLines(logFile)).hasSize(2);
  }

  /**
   * The advisor's N+1 detector on the service's own statement log: the bestsellers endpoint's 20
   * per-product queries after its product query, and nothing for the clean order endpoint. The time
   * threshold is 0 here: at this size the 20 queries take well under the default 50 ms.
   */
  @Test
  void statementLog_nPlusOneDetector_findsTheBestsellersLoopOnly() throws Exception {
    Path logFile = dir.resolve("detect.jsonl");
    try (StatementLog log = new StatementLog(logFile); ShopService service = new ShopService(shop, 2, false, log)) {
      for (int i = 0; i < 3; i++) {
        get(service, "/categories/category-0" + i + "/bestsellers", 200);
        get(service, "/orders/" + (10 + i), 200);
        get(service, "/customers/" + (3 + i) + "/orders", 200);
      }
    }
    List<org.loadcast.dbadvisor.StatementExecution> executions = new java.util.ArrayList<>();
    try (var in = Files.newBufferedReader(logFile)) {
      org.loadcast.dbadvisor.JdbcStatementLogReader.read(in, logFile.toString(),
          org.loadcast.dbadvisor.JdbcStatementLogReader.Options.loadcast(), executions::add);
    }
    var patterns = new org.loadcast.dbadvisor.NPlusOneDetector(new org.loadcast.dbadvisor.NPlusOneDetector.Thresholds(5, 0))
        .summarize(executions);
    assertThat(patterns).singleElement().satisfies(p -> {
      assertThat(p.requestName()).isEqualTo(ShopService.BESTSELLERS);
      assertThat(p.sourceStatement()).isEqualTo("SELECT id, name FROM products WHERE category = ? ORDER BY id LIMIT ?");
      assertThat(p.repeatedStatement())
          .isEqualTo("SELECT count(*) AS orders, coalesce(sum(quantity), ?) AS units FROM order_items WHERE product_id = ?");
      assertThat(p.requestsWithPattern()).isEqualTo(3);
      assertThat(p.medianRunLength()).isEqualTo(20);
    });
  }
}
