package org.loadcast.dbadvisor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Walks a parsed statement and collects its {@link ColumnUsage}. One instance per statement; not
 * thread-safe.
 */
final class ColumnUsageFinder {
  private final Set<ColumnRef> equality = new LinkedHashSet<>();
  private final Set<ColumnRef> range = new LinkedHashSet<>();
  private final Set<ColumnRef> join = new LinkedHashSet<>();
  private final Map<ColumnRef, OrderColumn> order = new LinkedHashMap<>();
  private final Set<String> read = new LinkedHashSet<>();
  private final Set<String> written = new LinkedHashSet<>();

  private ColumnUsageFinder() {}

  /** Returns the column usage of a parsed statement. */
  static ColumnUsage find(Statement statement) {
    ColumnUsageFinder finder = new ColumnUsageFinder();
    StatementKind kind = finder.statement(statement);
    return new ColumnUsage(kind, List.copyOf(finder.equality), List.copyOf(finder.range), List.copyOf(finder.join),
        List.copyOf(finder.order.values()), List.copyOf(finder.read), List.copyOf(finder.written));
  }

  private StatementKind statement(Statement statement) {
    Scope root = new Scope(null);
    if (statement instanceof Select select) {
      select(select, root);
      return StatementKind.SELECT;
    }
    if (statement instanceof Update update) {
      List<FromItem> from = update.getFromItem() == null ? List.of() : List.of(update.getFromItem());
      written(update.getWithItemsList(), update.getTable(), from, update.getJoins(), update.getWhere(), root);
      return StatementKind.UPDATE;
    }
    if (statement instanceof Delete delete) {
      List<FromItem> using = delete.getUsingFromItemList() == null ? List.of() : delete.getUsingFromItemList();
      written(delete.getWithItemsList(), delete.getTable(), using, delete.getJoins(), delete.getWhere(), root);
      return StatementKind.DELETE;
    }
    if (statement instanceof Insert insert) {
      with(insert.getWithItemsList(), root);
      written.add(tableName(insert.getTable()));
      if (insert.getSelect() != null) {
        select(insert.getSelect(), root);
      }
      return StatementKind.INSERT;
    }
    return StatementKind.OTHER;
  }

  /** An UPDATE or DELETE: its target is written, and its FROM/USING items, joins and WHERE are read. */
  private void written(List<WithItem<?>> with, Table target, List<FromItem> from, List<Join> joins, Expression where,
      Scope root) {
    with(with, root);
    Scope scope = new Scope(root);
    written.add(scope.addTable(target, read));
    from.forEach(item -> from(item, scope));
    joins(joins, scope);
    condition(where, scope);
  }

  private void with(List<WithItem<?>> items, Scope scope) {
    if (items == null) {
      return;
    }
    for (WithItem<?> item : items) {
      if (item.getSelect() != null) {
        select(item.getSelect(), scope);
      }
      scope.ctes.add(unquote(item.getAliasName()));
    }
  }

  private void select(Select select, Scope parent) {
    with(select.getWithItemsList(), parent);
    if (select instanceof PlainSelect plain) {
      Scope scope = new Scope(parent);
      if (plain.getFromItem() != null) {
        from(plain.getFromItem(), scope);
      }
      joins(plain.getJoins(), scope);
      condition(plain.getWhere(), scope);
      orderBy(plain.getOrderByElements(), scope);
    } else if (select instanceof SetOperationList set) {
      set.getSelects().forEach(s -> select(s, parent));
    } else if (select instanceof ParenthesedSelect parenthesed) {
      select(parenthesed.getSelect(), parent);
    }
  }

  private void from(FromItem item, Scope scope) {
    if (item instanceof Table table) {
      scope.addTable(table, read);
    } else if (item instanceof ParenthesedSelect sub) {
      select(sub.getSelect(), scope.parent);
      if (sub.getAlias() != null) {
        scope.opaque(unquote(sub.getAlias().getName()));
      }
    } else if (item instanceof ParenthesedFromItem nested) {
      from(nested.getFromItem(), scope);
      joins(nested.getJoins(), scope);
    }
  }

  private void joins(List<Join> joins, Scope scope) {
    if (joins == null) {
      return;
    }
    for (Join j : joins) {
      from(j.getFromItem(), scope);
    }
    for (Join j : joins) {
      if (j.getOnExpressions() != null) {
        j.getOnExpressions().forEach(on -> condition(on, scope));
      }
    }
  }

  private void orderBy(List<OrderByElement> elements, Scope scope) {
    if (elements == null) {
      return;
    }
    for (OrderByElement element : elements) {
      if (element.getExpression() instanceof Column c) {
        scope.resolve(c).ifPresent(ref -> order.putIfAbsent(ref, new OrderColumn(ref, !element.isAsc())));
      }
    }
  }

  private void condition(Expression e, Scope scope) {
    if (e == null) {
      return;
    }
    if (e instanceof AndExpression || e instanceof OrExpression) {
      BinaryExpression b = (BinaryExpression) e;
      condition(b.getLeftExpression(), scope);
      condition(b.getRightExpression(), scope);
    } else if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      condition(list.get(0), scope);
    } else if (e instanceof EqualsTo eq) {
      equalsTo(eq.getLeftExpression(), eq.getRightExpression(), scope);
    } else if (e instanceof GreaterThan || e instanceof GreaterThanEquals || e instanceof MinorThan
        || e instanceof MinorThanEquals) {
      BinaryExpression b = (BinaryExpression) e;
      compared(b.getLeftExpression(), b.getRightExpression(), scope, range);
      compared(b.getRightExpression(), b.getLeftExpression(), scope, range);
    } else if (e instanceof Between between && !between.isNot()) {
      if (constant(between.getBetweenExpressionStart()) && constant(between.getBetweenExpressionEnd())) {
        column(between.getLeftExpression(), scope).ifPresent(range::add);
      }
    } else if (e instanceof InExpression in) {
      inList(in, scope);
    } else if (e instanceof IsNullExpression isNull && !isNull.isNot()) {
      column(isNull.getLeftExpression(), scope).ifPresent(equality::add);
    } else if (e instanceof LikeExpression like && !like.isNot() && prefixPattern(like)) {
      column(like.getLeftExpression(), scope).ifPresent(range::add);
    } else if (e instanceof ExistsExpression exists && exists.getRightExpression() instanceof Select sub) {
      select(sub, scope);
    }
  }

  private void equalsTo(Expression left, Expression right, Scope scope) {
    Optional<ColumnRef> l = column(left, scope);
    Optional<ColumnRef> r = column(right, scope);
    if (l.isPresent() && r.isPresent()) {
      if (!l.get().table().equals(r.get().table()) || !l.get().equals(r.get())) {
        join.add(l.get());
        join.add(r.get());
      }
      return;
    }
    compared(left, right, scope, equality);
    compared(right, left, scope, equality);
    if (right instanceof Select sub) {
      select(sub, scope);
    } else if (left instanceof Select sub) {
      select(sub, scope);
    }
  }

  private void compared(Expression columnSide, Expression valueSide, Scope scope, Set<ColumnRef> into) {
    if (constant(valueSide) || valueSide instanceof Select) {
      column(columnSide, scope).ifPresent(into::add);
    }
  }

  private void inList(InExpression in, Scope scope) {
    Expression right = in.getRightExpression();
    if (right instanceof Select sub) {
      select(sub, scope);
    }
    if (!in.isNot() && (right instanceof Select || constant(right))) {
      column(in.getLeftExpression(), scope).ifPresent(equality::add);
    }
  }

  private static boolean prefixPattern(LikeExpression like) {
    if (like.getLikeKeyWord() != LikeExpression.KeyWord.LIKE || like.getEscape() != null) {
      return false;
    }
    if (!(like.getRightExpression() instanceof StringValue pattern)) {
      return false;
    }
    String value = pattern.getValue();
    return !value.isEmpty() && value.charAt(0) != '%' && value.charAt(0) != '_';
  }

  /** Returns whether an expression holds no column: a literal, a parameter or a function of those. */
  static boolean constant(Expression e) {
    if (e instanceof LongValue || e instanceof DoubleValue || e instanceof StringValue || e instanceof NullValue
        || e instanceof HexValue || e instanceof DateValue || e instanceof TimeValue || e instanceof TimestampValue
        || e instanceof JdbcParameter || e instanceof JdbcNamedParameter || e instanceof TimeKeyExpression
        || e instanceof IntervalExpression) {
      return true;
    }
    if (e instanceof SignedExpression s) {
      return constant(s.getExpression());
    }
    if (e instanceof CastExpression cast) {
      return constant(cast.getLeftExpression());
    }
    if (e instanceof Function f) {
      return f.getParameters() == null || allConstant(f.getParameters());
    }
    if (e instanceof ArrayConstructor array) {
      return array.getExpressions() != null && allConstant(array.getExpressions());
    }
    if (e instanceof ExpressionList<?> list) {
      return allConstant(list);
    }
    if (e instanceof BinaryExpression b && !(e instanceof AndExpression) && !(e instanceof OrExpression)) {
      return constant(b.getLeftExpression()) && constant(b.getRightExpression());
    }
    return false;
  }

  private static boolean allConstant(List<? extends Expression> list) {
    return list.stream().allMatch(ColumnUsageFinder::constant);
  }

  private static Optional<ColumnRef> column(Expression e, Scope scope) {
    return e instanceof Column c ? scope.resolve(c) : Optional.empty();
  }

  /** Returns the table's name as PostgreSQL resolves it: schema-qualified when written so. */
  static String tableName(Table table) {
    String name = unquote(table.getName());
    return table.getSchemaName() == null ? name : unquote(table.getSchemaName()) + "." + name;
  }

  /** Returns the name without its double quotes, with doubled quotes undone. */
  static String unquote(String name) {
    if (name != null && name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return name;
  }

  /** The names visible in one SELECT (or UPDATE/DELETE) level: alias or table name to table. */
  private static final class Scope {
    private final Scope parent;
    private final Map<String, String> names = new HashMap<>();
    private final List<String> tables = new ArrayList<>();
    private final Set<String> ctes = new LinkedHashSet<>();

    Scope(Scope parent) {
      this.parent = parent;
    }

    String addTable(Table table, Set<String> read) {
      String name = tableName(table);
      String alias = table.getAlias() == null ? null : unquote(table.getAlias().getName());
      if (table.getSchemaName() == null && isCte(name)) {
        opaque(alias == null ? name : alias);
        return name;
      }
      read.add(name);
      tables.add(name);
      names.put(alias == null ? unquote(table.getName()) : alias, name);
      if (alias == null) {
        names.put(name, name);
      }
      return name;
    }

    void opaque(String alias) {
      names.put(alias, null);
      tables.add(null);
    }

    private boolean isCte(String name) {
      for (Scope s = this; s != null; s = s.parent) {
        if (s.ctes.contains(name)) {
          return true;
        }
      }
      return false;
    }

    Optional<ColumnRef> resolve(Column column) {
      String name = unquote(column.getColumnName());
      Table qualifier = column.getTable();
      if (qualifier == null || qualifier.getName() == null) {
        if (tables.size() == 1 && tables.get(0) != null) {
          return Optional.of(new ColumnRef(tables.get(0), name));
        }
        return Optional.empty();
      }
      String key = qualifier.getSchemaName() == null ? unquote(qualifier.getName()) : tableName(qualifier);
      for (Scope s = this; s != null; s = s.parent) {
        if (s.names.containsKey(key)) {
          String table = s.names.get(key);
          return table == null ? Optional.empty() : Optional.of(new ColumnRef(table, name));
        }
      }
      return Optional.empty();
    }
  }
}
