package org.loadcast.dbdemo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The database demo's shop: its schema and its data, generated in the database from a seed, so that
 * the same seed and size give the same rows.
 *
 * <p>Tables: {@code customers} (one per 20 orders), {@code products} ({@value #PRODUCTS}, in
 * {@value #CATEGORIES} categories), {@code orders} and {@code order_items} (1 to 4 lines per order,
 * 2.5 on average). Primary keys, foreign keys and an index on {@code order_items (product_id)} exist;
 * an index on {@code orders (customer_id)} deliberately does not, so that listing a customer's
 * orders scans the whole table: the missing index the advisor must find.
 *
 * <p>The rows come from PostgreSQL's {@code random()} after {@code setseed}, in one session with
 * parallel query off, so their order, and so the values, are fixed for a seed (PostgreSQL 15's
 * generator; another major version may draw other values).
 */
final class ShopData {
  /** The products in the catalogue. */
  static final int PRODUCTS = 2_000;
  /** The product categories, {@code category-00} to {@code category-39}. */
  static final int CATEGORIES = 40;
  /** Orders per customer, on average. */
  static final int ORDERS_PER_CUSTOMER = 20;

  private ShopData() {}

  /**
   * Creates the schema and fills it.
   *
   * @param connection a connection to an empty database, with rights to create tables
   * @param orders the orders to generate, {@code >= ORDERS_PER_CUSTOMER}
   * @param seed the seed, any long
   * @throws SQLException if the database refuses a statement
   * @throws IllegalArgumentException if {@code orders} is too small
   */
  static void create(Connection connection, int orders, long seed) throws SQLException {
    if (orders < ORDERS_PER_CUSTOMER) {
      throw new IllegalArgumentException("orders must be >= " + ORDERS_PER_CUSTOMER + ", but was " + orders);
    }
    int customers = orders / ORDERS_PER_CUSTOMER;
    // setseed takes a value in [-1, 1]
    double setseed = (Math.floorMod(seed, 2_000_001L) - 1_000_000L) / 1_000_000.0;
    List<String> statements = List.of(
        "SET max_parallel_workers_per_gather = 0",
        String.format(Locale.ROOT, "SELECT setseed(%.6f)", setseed),
        "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text NOT NULL, city text NOT NULL, "
            + "created_at timestamptz NOT NULL)",
        "CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL, category text NOT NULL, price_cents int NOT NULL)",
        "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL, "
            + "created_at timestamptz NOT NULL, total_cents bigint NOT NULL)",
        "CREATE TABLE order_items (order_id bigint NOT NULL, line int NOT NULL, product_id bigint NOT NULL, "
            + "quantity int NOT NULL, price_cents int NOT NULL, PRIMARY KEY (order_id, line))",
        "INSERT INTO customers SELECT i, 'customer ' || i, 'c' || i || '@example.com', "
            + "(ARRAY['Berlin','Lyon','Porto','Turin','Ghent','Malmo','Cork','Graz'])[1 + floor(random() * 8)::int], "
            + "timestamptz '2020-01-01 00:00Z' + random() * interval '1500 days' FROM generate_series(1, " + customers + ") i",
        "INSERT INTO products SELECT i, 'product ' || i, 'category-' || lpad(((i - 1) % " + CATEGORIES + ")::text, 2, '0'), "
            + "100 + floor(random() * 20000)::int FROM generate_series(1, " + PRODUCTS + ") i",
        "INSERT INTO orders SELECT i, 1 + floor(random() * " + customers + ")::bigint, "
            + "(ARRAY['placed','paid','shipped','delivered','returned'])[1 + floor(random() * 5)::int], "
            + "timestamptz '2024-01-01 00:00Z' + random() * interval '700 days', 0 FROM generate_series(1, " + orders + ") i",
        "INSERT INTO order_items SELECT o.id, l.line, 1 + floor(random() * " + PRODUCTS + ")::bigint, "
            + "1 + floor(random() * 3)::int, 100 + floor(random() * 20000)::int "
            + "FROM orders o CROSS JOIN LATERAL generate_series(1, 1 + (o.id * 2654435761 % 4)::int) AS l(line) ORDER BY o.id, l.line",
        "UPDATE orders o SET total_cents = t.total FROM (SELECT order_id, sum(quantity * price_cents) AS total "
            + "FROM order_items GROUP BY order_id) t WHERE t.order_id = o.id",
        "ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id)",
        "ALTER TABLE order_items ADD FOREIGN KEY (order_id) REFERENCES orders (id)",
        "ALTER TABLE order_items ADD FOREIGN KEY (product_id) REFERENCES products (id)",
        "CREATE INDEX order_items_product_id ON order_items (product_id)",
        "RESET max_parallel_workers_per_gather",
        "VACUUM ANALYZE");
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
