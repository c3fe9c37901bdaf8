package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.RequestMix;
import org.loadcast.profile.RequestTemplate;

/** One feeder per rule: each problem is one line naming the profile, the template and the file. */
class FeederFilesTest {
  private static final Path PROFILE = Path.of("src/test/resources/replay/shop-sessions.yaml");

  private static RequestMix mix(String feeder) {
    return new RequestMix(List.of(new RequestTemplate("cart-add", "POST", "/cart/items",
        Map.of("X-Customer", "{customer}"), "{\"sku\": \"{sku}\"}", feeder, 1.0)));
  }

  @Test
  void problems_feederWithEveryColumn_isEmpty() {
    assertThat(FeederFiles.problems(PROFILE, mix("shop-skus.csv"))).isEmpty();
  }

  @Test
  void problems_missingFile_namesTheFile() {
    assertThat(FeederFiles.problems(PROFILE, mix("absent.csv"))).containsExactly(PROFILE
        + ": mix.requests[0].feeder 'absent.csv' must be a CSV file beside the profile, but "
        + PROFILE.toAbsolutePath().getParent().resolve("absent.csv") + " does not exist");
  }

  @Test
  void problems_missingColumn_namesThePlaceholder() {
    assertThat(FeederFiles.problems(PROFILE, mix("feeders/sku-only.csv"))).containsExactly(PROFILE
        + ": mix.requests[0].feeder 'feeders/sku-only.csv' must have a column for each placeholder, but lacks customer; "
        + "its columns are sku");
  }

  @Test
  void problems_headerWithoutRows_isRefused() {
    assertThat(FeederFiles.problems(PROFILE, mix("feeders/header-only.csv"))).containsExactly(PROFILE
        + ": mix.requests[0].feeder 'feeders/header-only.csv' must have at least one row of values after the header, but had none");
  }

  @Test
  void columns_quotedNamesAndByteOrderMark_areStripped() {
    assertThat(FeederFiles.columns("\uFEFFsku,\"customer\", note")).containsExactly("sku", "customer", "note");
  }
}
