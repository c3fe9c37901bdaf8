package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** dbadvice.json as Jackson writes the records validates against the shipped schema; a broken file does not. */
class DbAdviceSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonSchema schema() throws Exception {
    try (InputStream in = DbAdvice.class.getResourceAsStream("dbadvice.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
    }
  }

  private static DbAdvice advice() {
    IndexCandidate candidate = new IndexCandidate("orders", List.of("customer_id"));
    CandidateCost cost = new CandidateCost("0123456789abcdef", candidate, 1834.5, 12.4);
    IndexChoice choice = new IndexChoice(candidate, 18221, 0, List.of(cost));
    NPlusOnePattern pattern = new NPlusOnePattern("GET /customers/{id}/orders", "SELECT * FROM orders WHERE customer_id = ?",
        "SELECT * FROM order_items WHERE order_id = ?", 2, 4, 5.5, 110, 90,
        new BatchedRewrite(BatchedRewrite.Kind.ANY_ARRAY, "SELECT * FROM order_items WHERE order_id = ANY(?)"));
    CachingCandidate cache = new CachingCandidate("SELECT * FROM products WHERE id = ?", "0123456789abcdef",
        List.of("products"), 10, 3, 0.7, 2, 14);
    return new DbAdvice(1, List.of(Recommendation.index(choice, cost, "SELECT * FROM orders WHERE customer_id = ?", 10),
        Recommendation.nPlusOne(pattern), Recommendation.cache(cache),
        new Recommendation(RecommendationKind.PLAN_WARNING, "SELECT 1", new Evidence("a sort", Map.of()), 10.0, null,
            null, "sort served by an index", null)));
  }

  @Test
  void schema_acceptsTheRecordsAsJacksonWritesThem() throws Exception {
    JsonNode written = JSON.readTree(JSON.writeValueAsString(advice()));
    assertThat(schema().validate(written)).isEmpty();
    assertThat(written.at("/recommendations/0/ddl").asText())
        .isEqualTo("CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id)");
    assertThat(written.at("/recommendations/0/evidence/figures/costCutFraction").asDouble())
        .isEqualTo(1 - 12.4 / 1834.5);
  }

  @Test
  void schema_rejectsAnUnknownKindAndAnIndexWithoutDdl() throws Exception {
    JsonNode written = JSON.readTree(JSON.writeValueAsString(advice()));
    ((com.fasterxml.jackson.databind.node.ObjectNode) written.at("/recommendations/1")).put("kind", "MAGIC");
    ((com.fasterxml.jackson.databind.node.ObjectNode) written.at("/recommendations/0")).putNull("ddl");
    Set<ValidationMessage> errors = schema().validate(written);
    assertThat(errors).extracting(ValidationMessage::getInstanceLocation).extracting(Object::toString)
        .contains("$.recommendations[1].kind", "$.recommendations[0].ddl");
  }
}
