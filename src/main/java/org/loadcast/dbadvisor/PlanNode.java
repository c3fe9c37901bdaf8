package org.loadcast.dbadvisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One node of a PostgreSQL query plan, as {@code EXPLAIN (FORMAT JSON)} gives it (PostgreSQL
 * documentation, EXPLAIN and "Using EXPLAIN"), with its children.
 *
 * <p>Costs are in the planner's arbitrary units (by default one sequential page read = 1.0, {@code
 * seq_page_cost}); rows are the planner's estimates, per loop and, under a parallel node, per
 * process.
 *
 * @param nodeType "Seq Scan", "Index Scan", "Sort", "Nested Loop", ...
 * @param relationName the table a scan reads, empty for other nodes
 * @param alias the table's alias in the statement, empty for other nodes
 * @param startupCost the cost before the first row, >= 0
 * @param totalCost the cost of all rows, >= startupCost
 * @param planRows the estimated rows the node returns, >= 0
 * @param filter the condition applied to each row read ("Filter"), empty when none
 * @param indexName the index an index scan reads, empty for other nodes
 * @param sortKey a Sort's keys in order ("created_at DESC"), empty for other nodes
 * @param parentRelationship "Outer", "Inner", "InitPlan", ... ; empty for the root
 * @param children the child nodes in plan order (outer before inner)
 */
public record PlanNode(String nodeType, Optional<String> relationName, Optional<String> alias, double startupCost,
    double totalCost, double planRows, Optional<String> filter, Optional<String> indexName, List<String> sortKey,
    Optional<String> parentRelationship, List<PlanNode> children) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Checks the values and copies the lists.
   *
   * @throws IllegalArgumentException if nodeType is blank, a cost or the rows are negative or NaN,
   *     or totalCost < startupCost
   */
  public PlanNode {
    if (nodeType == null || nodeType.isBlank()) {
      throw new IllegalArgumentException("a plan node needs a Node Type");
    }
    if (!(startupCost >= 0) || !(totalCost >= startupCost) || !(planRows >= 0)) {
      throw new IllegalArgumentException("plan node " + nodeType + ": costs must satisfy 0 <= startup <= total and rows >= 0, "
          + "but were " + startupCost + ".." + totalCost + " and " + planRows);
    }
    sortKey = List.copyOf(sortKey);
    children = List.copyOf(children);
  }

  /**
   * Reads the output of {@code EXPLAIN (FORMAT JSON)}: an array with one object whose {@code Plan} is
   * the root node.
   *
   * @param explainJson the text of the single column EXPLAIN returns
   * @return the root node
   * @throws IllegalArgumentException if the text is not such JSON, or a node lacks a Node Type or costs
   */
  public static PlanNode parseExplain(String explainJson) {
    try {
      JsonNode document = JSON.readTree(explainJson);
      JsonNode plan = document.path(0).path("Plan");
      if (!plan.isObject()) {
        throw new IllegalArgumentException("EXPLAIN (FORMAT JSON) output must be [{\"Plan\": {...}}], but was: "
            + abbreviate(explainJson));
      }
      return node(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("EXPLAIN output is not JSON: " + e.getOriginalMessage());
    }
  }

  private static PlanNode node(JsonNode json) {
    List<PlanNode> children = new ArrayList<>();
    json.path("Plans").forEach(child -> children.add(node(child)));
    List<String> sortKey = new ArrayList<>();
    json.path("Sort Key").forEach(key -> sortKey.add(key.asText()));
    return new PlanNode(json.path("Node Type").asText(""), text(json, "Relation Name"), text(json, "Alias"),
        number(json, "Startup Cost"), number(json, "Total Cost"), number(json, "Plan Rows"), text(json, "Filter"),
        text(json, "Index Name"), sortKey, text(json, "Parent Relationship"), children);
  }

  private static Optional<String> text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static double number(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException("plan node " + json.path("Node Type").asText("?") + " has no numeric " + field);
    }
    return value.asDouble();
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  /** Returns {@code true} for a sequential scan, parallel or not. */
  public boolean isSeqScan() {
    return nodeType.equals("Seq Scan") || nodeType.equals("Parallel Seq Scan");
  }

  /**
   * Visits this node and every node below it, depth first, parents before children.
   *
   * @param visitor called once per node
   */
  public void forEachNode(Consumer<PlanNode> visitor) {
    visitor.accept(this);
    children.forEach(child -> child.forEachNode(visitor));
  }
}
