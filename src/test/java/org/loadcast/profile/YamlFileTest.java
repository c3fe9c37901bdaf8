package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Messages of the YAML reader for damaged documents, found by the property tests of the readers. */
class YamlFileTest {

  @Test
  void parse_mappingWhereAKeyShouldBe_isNamedWithoutParserClasses() {
    // the reader said "Expected a field name (Scalar value in YAML), got this instead:
    // <org.yaml.snakeyaml.events.MappingStartEvent(anchor=null, tag=null, implicit=true)>"
    assertThatThrownBy(() -> YamlFile.parse("name: x\nmix:\n  requests:\n    - {{name: home}\n", "p.yaml", ProfileDocument.class))
        .hasMessageStartingWith("p.yaml:4:")
        .hasMessageEndingWith(": not valid YAML: a key must be a text, but was a mapping (a stray '{' or '[' before a key?)");
    assertThatThrownBy(() -> YamlFile.parse("name: x\n[]target: 1\n", "p.yaml", ProfileDocument.class))
        .hasMessageEndingWith(": not valid YAML: a key must be a text, but was a list (a stray '{' or '[' before a key?)");
  }

  @Test
  void parse_numberBeyondTheLargestDouble_isRefused() {
    // 1e309 was read as infinity: the schema check then failed with a NumberFormatException
    assertThatThrownBy(() -> YamlFile.parse("name: x\nseed: 1\nrate:\n  model:\n    baseRatePerSecond: 1e309\n", "p.yaml", ProfileDocument.class))
        .hasMessage("p.yaml:5:24: rate.model.baseRatePerSecond must be a finite number, but was '1e309', "
            + "beyond the largest number (about 1.8e308)");
  }
}
