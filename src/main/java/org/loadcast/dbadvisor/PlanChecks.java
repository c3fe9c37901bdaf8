package org.loadcast.dbadvisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan shapes an index could fix, as the anchors of issue 8 name them (Dexter, pganalyze's
 * index advisor): a selective sequential scan, a sort an index could serve, a nested loop with an
 * inner sequential scan.
 *
 * <ul>
 *   <li>{@link PlanFinding.Kind#SELECTIVE_SEQ_SCAN}: a Seq Scan (or Parallel Seq Scan) with a Filter on
 *       a table of at least {@code minTableRows} rows ({@code pg_class.reltuples}) that returns less
 *       than {@code maxKeptFraction} of them. A Parallel Seq Scan's rows are per process, so the rows of
 *       the Gather directly above it count instead.
 *   <li>{@link PlanFinding.Kind#SORT_AN_INDEX_COULD_SERVE}: a Sort whose child is a scan of one table
 *       (directly or through a Gather) and whose keys are all plain columns ({@code col}, {@code alias.col}, with {@code DESC} or
 *       {@code NULLS} options).
 *   <li>{@link PlanFinding.Kind#NESTED_LOOP_INNER_SEQ_SCAN}: a Nested Loop whose inner child is a Seq
 *       Scan, directly or under a Materialize.
 * </ul>
 *
 * @param minTableRows the smallest table worth a finding, rows, >= 0; default 10 000
 * @param maxKeptFraction a scan keeping less than this fraction of its table is selective, 0 to 1 (exclusive
 *     of 0); default 0.01
 */
public record PlanChecks(double minTableRows, double maxKeptFraction) {
  /** The defaults: tables of 10 000 rows or more, scans keeping less than 1 %. */
  public static final PlanChecks DEFAULTS = new PlanChecks(10_000, 0.01);
  private static final Pattern PLAIN_SORT_KEY = Pattern.compile(
      "^(?:[A-Za-z_][A-Za-z0-9_$]*\\.)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)(?: DESC)?(?: NULLS (?:FIRST|LAST))?$");

  /**
   * Checks the thresholds.
   *
   * @throws IllegalArgumentException if minTableRows is negative or NaN, or maxKeptFraction is not in (0, 1]
   */
  public PlanChecks {
    if (!(minTableRows >= 0)) {
      throw new IllegalArgumentException("minTableRows must be >= 0, but was " + minTableRows);
    }
    if (!(maxKeptFraction > 0 && maxKeptFraction <= 1)) {
      throw new IllegalArgumentException("maxKeptFraction must be in (0, 1], but was " + maxKeptFraction);
    }
  }

  /**
   * Finds the plan shapes listed in the class comment.
   *
   * @param root the plan's root node
   * @param tableRows each table's estimated rows by the name plans give it ({@code Relation Name});
   *     a table missing here (or with a negative count, never analysed) gets no selective-scan finding
   * @return the findings in plan order (depth first, parents first); empty when the plan has none
   */
  public List<PlanFinding> findings(PlanNode root, Map<String, Double> tableRows) {
    List<PlanFinding> found = new ArrayList<>();
    visit(root, null, tableRows, found);
    return List.copyOf(found);
  }

  private void visit(PlanNode node, PlanNode parent, Map<String, Double> tableRows, List<PlanFinding> found) {
    selectiveScan(node, parent, tableRows).ifPresent(found::add);
    sortOverScan(node, tableRows).ifPresent(found::add);
    innerSeqScan(node, tableRows).ifPresent(found::add);
    node.children().forEach(child -> visit(child, node, tableRows, found));
  }

  private Optional<PlanFinding> selectiveScan(PlanNode node, PlanNode parent, Map<String, Double> tableRows) {
    if (!node.isSeqScan() || node.filter().isEmpty() || node.relationName().isEmpty()) {
      return Optional.empty();
    }
    String table = node.relationName().get();
    Double rows = tableRows.get(table);
    if (rows == null || rows < minTableRows || rows < 0) {
      return Optional.empty();
    }
    boolean underGather = node.nodeType().startsWith("Parallel") && parent != null && parent.nodeType().startsWith("Gather");
    double kept = underGather ? parent.planRows() : node.planRows();
    if (kept >= maxKeptFraction * rows) {
      return Optional.empty();
    }
    return Optional.of(new PlanFinding(PlanFinding.Kind.SELECTIVE_SEQ_SCAN, table, List.of(), rows, kept, node.filter().get()));
  }

  private Optional<PlanFinding> sortOverScan(PlanNode node, Map<String, Double> tableRows) {
    if (!node.nodeType().equals("Sort") || node.children().size() != 1 || node.sortKey().isEmpty()) {
      return Optional.empty();
    }
    PlanNode scan = node.children().get(0);
    if (scan.nodeType().startsWith("Gather") && scan.children().size() == 1) {
      scan = scan.children().get(0);
    }
    if (scan.relationName().isEmpty() || !scan.nodeType().contains("Scan")) {
      return Optional.empty();
    }
    List<String> columns = new ArrayList<>();
    for (String key : node.sortKey()) {
      Matcher plain = PLAIN_SORT_KEY.matcher(key);
      if (!plain.matches()) {
        return Optional.empty();
      }
      columns.add(plain.group(1));
    }
    String table = scan.relationName().get();
    return Optional.of(new PlanFinding(PlanFinding.Kind.SORT_AN_INDEX_COULD_SERVE, table, columns,
        Math.max(0, tableRows.getOrDefault(table, 0.0)), scan.planRows(), String.join(", ", node.sortKey())));
  }

  private Optional<PlanFinding> innerSeqScan(PlanNode node, Map<String, Double> tableRows) {
    if (!node.nodeType().equals("Nested Loop")) {
      return Optional.empty();
    }
    Optional<PlanNode> inner = node.children().stream()
        .filter(c -> c.parentRelationship().filter("Inner"::equals).isPresent()).findFirst();
    Optional<PlanNode> scan = inner.map(c -> c.nodeType().equals("Materialize") && c.children().size() == 1 ? c.children().get(0) : c)
        .filter(PlanNode::isSeqScan).filter(c -> c.relationName().isPresent());
    return scan.map(s -> new PlanFinding(PlanFinding.Kind.NESTED_LOOP_INNER_SEQ_SCAN, s.relationName().get(), List.of(),
        Math.max(0, tableRows.getOrDefault(s.relationName().get(), 0.0)), s.planRows(), s.filter().orElse("")));
  }
}
