package org.loadcast.dbdemo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The database demo's system under test: a small shop API over PostgreSQL, served on 127.0.0.1 by
 * the JDK's HTTP server with a fixed pool of workers, each with its own connection.
 *
 * <ul>
 *   <li>{@code GET /customers/{id}/orders}: the customer's 20 latest orders. Without an index on
 *       {@code orders (customer_id)} it scans the whole table: the missing index.
 *   <li>{@code GET /orders/{id}}: an order and its lines with their products, by primary keys: clean.
 *   <li>{@code GET /categories/{category}/bestsellers}: the category's first 20 products with their
 *       units sold. It runs one query for the products, then one per product: the N+1. With {@code
 *       batched}, one query with {@code product_id = ANY(?)} replaces the 20, as the advisor suggests.
 *   <li>{@code GET /products/{id}}: one product, read-mostly and requested over and over: a caching
 *       candidate.
 * </ul>
 *
 * <p>Every statement goes to the {@link StatementLog} with its request. Anything else gets 404; a
 * database failure 500.
 */
final class ShopService implements AutoCloseable {
  static final String CUSTOMER_ORDERS = "GET /customers/{id}/orders";
  static final String ORDER = "GET /orders/{id}";
  static final String BESTSELLERS = "GET /categories/{category}/bestsellers";
  static final String PRODUCT = "GET /products/{id}";
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Pattern CUSTOMER_ORDERS_PATH = Pattern.compile("/customers/([0-9]{1,18})/orders");
  private static final Pattern ORDER_PATH = Pattern.compile("/orders/([0-9]{1,18})");
  private static final Pattern BESTSELLERS_PATH = Pattern.compile("/categories/([a-z0-9-]{1,40})/bestsellers");
  private static final Pattern PRODUCT_PATH = Pattern.compile("/products/([0-9]{1,18})");

  private final HttpServer server;
  private final ExecutorService workers;
  private final DataSource database;
  private volatile StatementLog log;
  private volatile boolean batched;
  private final long startNanos = System.nanoTime();
  private final AtomicLong requestIds = new AtomicLong();
  private final ThreadLocal<Connection> connection = new ThreadLocal<>();
  private final List<Connection> connections = new ArrayList<>();

  /**
   * Starts the service.
   *
   * @param database the shop's database
   * @param workers the worker threads, and so the connections, {@code >= 1}
   * @param batched whether the bestsellers endpoint runs its batched query instead of the N+1
   * @param log where every statement is logged
   * @throws IOException if 127.0.0.1 cannot be bound
   */
  ShopService(DataSource database, int workers, boolean batched, StatementLog log) throws IOException {
    this.database = database;
    this.log = log;
    this.batched = batched;
    AtomicInteger threads = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "shop-worker-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.createContext("/", this::handle);
    server.setExecutor(this.workers);
    server.start();
  }

  /**
   * Switches the bestsellers endpoint to its batched query, or back, and the statement log, for the
   * requests that start from now on.
   *
   * @param batchedQuery whether the bestsellers endpoint runs the batched query
   * @param statementLog where statements go from now on
   */
  void reconfigure(boolean batchedQuery, StatementLog statementLog) {
    this.log = statementLog;
    this.batched = batchedQuery;
  }

  /** Returns the statement log in use. */
  StatementLog log() {
    return log;
  }

  /** Returns the base URL, such as {@code http://127.0.0.1:41234}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, Map.of("error", "GET only"));
        return;
      }
      long requestId = requestIds.incrementAndGet();
      Object body;
      Matcher m;
      if ((m = CUSTOMER_ORDERS_PATH.matcher(path)).matches()) {
        body = customerOrders(new Request(requestId, CUSTOMER_ORDERS), Long.parseLong(m.group(1)));
      } else if ((m = ORDER_PATH.matcher(path)).matches()) {
        body = order(new Request(requestId, ORDER), Long.parseLong(m.group(1)));
      } else if ((m = BESTSELLERS_PATH.matcher(path)).matches()) {
        body = bestsellers(new Request(requestId, BESTSELLERS), m.group(1));
      } else if ((m = PRODUCT_PATH.matcher(path)).matches()) {
        body = product(new Request(requestId, PRODUCT), Long.parseLong(m.group(1)));
      } else {
        send(exchange, 404, Map.of("error", "not found"));
        return;
      }
      send(exchange, body == null ? 404 : 200, body == null ? Map.of("error", "not found") : body);
    } catch (SQLException e) {
      send(exchange, 500, Map.of("error", "database: " + e.getSQLState()));
    }
  }

  private record Request(long id, String name) {}

  private Object customerOrders(Request r, long customerId) throws SQLException {
    return rows(r, "SELECT id, status, total_cents, created_at FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT 20",
        customerId);
  }

  private Object order(Request r, long orderId) throws SQLException {
    List<Map<String, Object>> order = rows(r, "SELECT id, customer_id, status, total_cents, created_at FROM orders WHERE id = ?",
        orderId);
    if (order.isEmpty()) {
      return null;
    }
    Map<String, Object> result = new LinkedHashMap<>(order.get(0));
    result.put("lines", rows(r, "SELECT i.line, i.quantity, i.price_cents, p.name FROM order_items i JOIN products p ON "
        + "p.id = i.product_id WHERE i.order_id = ? ORDER BY i.line", orderId));
    return result;
  }

  private Object bestsellers(Request r, String category) throws SQLException {
    boolean batched = this.batched;
    List<Map<String, Object>> products = rows(r, "SELECT id, name FROM products WHERE category = ? ORDER BY id LIMIT 20",
        category);
    if (batched) {
      Long[] ids = products.stream().map(p -> ((Number) p.get("id")).longValue()).toArray(Long[]::new);
      Array array = connection().createArrayOf("bigint", ids);
      Map<Long, Map<String, Object>> sold = new LinkedHashMap<>();
      for (Map<String, Object> row : rows(r, "SELECT product_id, count(*) AS orders, coalesce(sum(quantity), 0) AS units "
          + "FROM order_items WHERE product_id = ANY(?) GROUP BY product_id", array)) {
        sold.put(((Number) row.get("product_id")).longValue(), row);
      }
      for (Map<String, Object> p : products) {
        Map<String, Object> s = sold.get(((Number) p.get("id")).longValue());
        p.put("orders", s == null ? 0L : s.get("orders"));
        p.put("units", s == null ? 0L : s.get("units"));
      }
    } else {
      for (Map<String, Object> p : products) {
        Map<String, Object> s = rows(r, "SELECT count(*) AS orders, coalesce(sum(quantity), 0) AS units FROM order_items "
            + "WHERE product_id = ?", p.get("id")).get(0);
        p.put("orders", s.get("orders"));
        p.put("units", s.get("units"));
      }
    }
    return products;
  }

  private Object product(Request r, long productId) throws SQLException {
    List<Map<String, Object>> product = rows(r, "SELECT id, name, category, price_cents FROM products WHERE id = ?", productId);
    return product.isEmpty() ? null : product.get(0);
  }

  /** Runs one statement, logs it with its request, and returns its rows as column maps. */
  private List<Map<String, Object>> rows(Request r, String sql, Object... params) throws SQLException {
    long started = System.nanoTime();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        String[] labels = new String[columns + 1];
        for (int c = 1; c <= columns; c++) {
          labels[c] = rs.getMetaData().getColumnLabel(c);
        }
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= columns; c++) {
            Object value = rs.getObject(c);
            row.put(labels[c], value instanceof java.time.temporal.Temporal
                || value instanceof java.sql.Timestamp ? value.toString() : value);
          }
          rows.add(row);
        }
      }
    }
    long ended = System.nanoTime();
    List<String> text = new ArrayList<>();
    for (Object p : params) {
      text.add(p instanceof Array a ? a.toString() : String.valueOf(p));
    }
    log.write(r.id(), r.name(), (started - startNanos) / 1000, (ended - started) / 1000, sql, text);
    return rows;
  }

  private Connection connection() throws SQLException {
    Connection c = connection.get();
    if (c == null) {
      c = database.getConnection();
      connection.set(c);
      synchronized (connections) {
        connections.add(c);
      }
    }
    return c;
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    synchronized (connections) {
      for (Connection c : connections) {
        try {
          c.close();
        } catch (SQLException e) {
          // closing anyway
        }
      }
    }
  }
}
