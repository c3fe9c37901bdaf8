package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;

/**
 * One random edit of a YAML document, as a hurried user or a damaged copy makes it, for the
 * property tests of the YAML readers.
 *
 * @param kind what the edit does
 * @param first the first line or character the edit works on, taken modulo the document's size
 * @param second a second line or position, modulo the size
 * @param text the text the edit writes, where it writes one
 */
record YamlMutation(Kind kind, int first, int second, String text) {

  /** The edits. */
  enum Kind {
    DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, INSERT_CHARACTER, INSERT_TEXT, TRUNCATE, CHANGE_INDENT,
    REPLACE_SCALAR, DROP_KEY, INSERT_ALIAS
  }

  private static final ObjectMapper PLAIN = JsonMapper.builder(new YAMLAnchorReplayingFactory()).build();

  /** Returns edits of every kind, with texts that are random Unicode or values that break rules. */
  static Arbitrary<YamlMutation> mutations() {
    Arbitrary<String> texts = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6),
        Arbitraries.strings().withChars(" :-#&*!|>'\"{}[],?%@`\t\\").ofMinLength(1).ofMaxLength(3),
        Arbitraries.of(".nan", ".NaN", ".inf", "-.inf", "-1", "-0", "0", "1e308", "1e309", "-1e-320", "99999999999999999999",
            "1.5", "null", "~", "''", "[]", "{}", "true", "yes", "2024-02-30", "\u00e9", "\uFEFF", "\r", "*nowhere"))
        // a lone surrogate cannot be written to a file; a user's editor cannot write one either
        .filter(s -> java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(s));
    return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1_000_000),
        Arbitraries.integers().between(0, 1_000_000), texts).as(YamlMutation::new);
  }

  /** Returns key names that no document knows: "zz" and 3 to 12 lower-case letters. */
  static Arbitrary<String> unknownKeys() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12).map(s -> "zz" + s);
  }

  /**
   * Returns a document with a key written beside one of its block-style keys, at the same indentation.
   *
   * @param document a YAML document
   * @param key the key to write, with the value 1
   * @param at which of the block-style keys, modulo their number
   * @return the edited document
   */
  static String withKeyBeside(String document, String key, int at) {
    List<String> lines = document.lines().toList();
    List<Integer> keyLines = java.util.stream.IntStream.range(0, lines.size())
        .filter(i -> lines.get(i).matches("^ *[A-Za-z][A-Za-z0-9]*:( .*)?$")).boxed().toList();
    int line = keyLines.get(at % keyLines.size());
    List<String> edited = new ArrayList<>(lines);
    edited.add(line, lines.get(line).replaceAll("^( *).*$", "$1") + key + ": 1");
    return String.join("\n", edited) + "\n";
  }

  /**
   * Writes a document to a new file of a folder: a file per try, as jqwik may still be shrinking
   * the last property's sample on another thread.
   *
   * @param folder the folder
   * @param prefix the start of the file's name
   * @param text the document
   * @return the file
   */
  static java.nio.file.Path write(java.nio.file.Path folder, String prefix, String text) {
    try {
      return java.nio.file.Files.writeString(java.nio.file.Files.createTempFile(folder, prefix, ".yaml"), text,
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Deletes a folder and everything in it.
   *
   * @param folder the folder
   * @throws java.io.IOException if it cannot be listed
   */
  static void deleteTree(java.nio.file.Path folder) throws java.io.IOException {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * Applies the edit.
   *
   * @param document a YAML document, lines ending in {@code \n}
   * @return the edited document
   */
  String apply(String document) {
    List<String> lines = new ArrayList<>(List.of(document.split("\n", -1)));
    int n = lines.size();
    int a = first % n;
    int b = second % n;
    switch (kind) {
      case DELETE_LINE -> lines.remove(a);
      case DUPLICATE_LINE -> lines.add(a, lines.get(a));
      case SWAP_LINES -> {
        String line = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, line);
      }
      case INSERT_CHARACTER -> {
        int at = first % (document.length() + 1);
        return document.substring(0, at) + text.codePoints().limit(1).collect(StringBuilder::new,
            StringBuilder::appendCodePoint, StringBuilder::append) + document.substring(at);
      }
      case INSERT_TEXT -> {
        int at = first % (document.length() + 1);
        return document.substring(0, at) + text + document.substring(at);
      }
      case TRUNCATE -> {
        return document.substring(0, first % (document.length() + 1));
      }
      case CHANGE_INDENT -> lines.set(a, second % 2 == 0 ? "  " + lines.get(a) : lines.get(a).replaceFirst("^ {1,2}", ""));
      case REPLACE_SCALAR -> lines.set(a, replaceValue(lines.get(a), text));
      case DROP_KEY -> {
        int indent = indent(lines.get(a));
        lines.remove(a);
        while (a < lines.size() && !lines.get(a).isBlank() && indent(lines.get(a)) > indent) {
          lines.remove(a);
        }
      }
      case INSERT_ALIAS -> {
        lines.set(a, lines.get(a).replaceFirst(": ", ": &x "));
        lines.set(b, replaceValue(lines.get(b), "*x"));
      }
      default -> throw new IllegalStateException(kind.toString());
    }
    return String.join("\n", lines);
  }

  /** Returns a text as an enum's name compares: lower case, without '-' and '_'. */
  private static String asName(String text) {
    return text.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  private static String replaceValue(String line, String value) {
    int colon = line.indexOf(": ");
    if (colon >= 0) {
      return line.substring(0, colon + 2) + value;
    }
    int dash = line.indexOf("- ");
    return dash >= 0 ? line.substring(0, dash + 2) + value : value;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /**
   * Asserts that every problem of a refused document is one line that starts with a location in
   * one of the files read: {@code FILE:LINE:COLUMN: } or {@code FILE: }, and that a problem of the
   * document itself lies within its lines.
   *
   * @param e the refusal
   * @param document the text read
   * @param fileName the document's file as the reader names it
   * @param others files the document names, which may hold problems too (a profile), as the reader names them
   */
  static void assertLocated(InputException e, String document, String fileName, String... others) {
    StringBuilder names = new StringBuilder(Pattern.quote(fileName));
    for (String other : others) {
      names.append('|').append(Pattern.quote(other));
    }
    Pattern located = Pattern.compile("^(" + names + ")(:\\d+:\\d+)?: \\S.*");
    long lineCount = document.lines().count() + 1;
    assertThat(e.problems()).isNotEmpty();
    for (InputProblem problem : e.problems()) {
      String line = problem.toString();
      assertThat(line).as("a problem of\n%s", document).matches(located).doesNotContain("\n")
          .doesNotContain("Exception").doesNotContain("com.fasterxml").doesNotContain("org.yaml");
      if (problem.file().equals(fileName)) {
        assertThat((long) problem.line()).as(line).isBetween(0L, lineCount);
      }
    }
  }

  /**
   * Asserts that a bound document holds every value the text writes: each scalar of the text's
   * tree is in the bound value's tree at the same path, equal as a number, a boolean or a text
   * (ignoring case, for names bound to enums); nothing was dropped or read as something else.
   *
   * @param document the YAML text that was bound
   * @param bound the bound record
   */
  static void assertNothingDropped(String document, Object bound) {
    JsonNode written;
    try {
      written = PLAIN.readTree(document);
    } catch (java.io.IOException e) {
      throw new AssertionError("the reader accepted a document that Jackson cannot read:\n" + document, e);
    }
    compare(written, PLAIN.valueToTree(bound), "", document);
  }

  private static void compare(JsonNode written, JsonNode bound, String path, String document) {
    if (written == null || written.isNull() || written.isMissingNode()) {
      return;
    }
    assertThat(bound).as("%s is written but not bound, in\n%s", path, document).isNotNull();
    if (written.isObject()) {
      if (!bound.isObject()) {
        return; // a value bound to a type of its own (a time, a curve), compared by the reader's own tests
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = written.fields(); fields.hasNext();) {
        Map.Entry<String, JsonNode> field = fields.next();
        compare(field.getValue(), bound.get(field.getKey()), path + "." + field.getKey(), document);
      }
    } else if (written.isArray()) {
      if (bound.isArray()) {
        assertThat(bound.size()).as("%s: the number of elements, in\n%s", path, document).isEqualTo(written.size());
        for (int i = 0; i < written.size(); i++) {
          compare(written.get(i), bound.get(i), path + "[" + i + "]", document);
        }
      }
    } else if (bound.isNumber() && written.isNumber()) {
      assertThat(bound.doubleValue()).as("%s in\n%s", path, document).isEqualTo(written.doubleValue());
    } else if (bound.isTextual() && written.isNumber()) {
      // a text field keeps a number as written ("1e308"), where the plain tree holds its value
      assertThat(Double.parseDouble(bound.asText())).as("%s in\n%s", path, document).isEqualTo(written.doubleValue());
    } else if (bound.isValueNode() && !bound.isNumber()) {
      assertThat(asName(bound.asText())).as("%s in\n%s", path, document).isEqualTo(asName(written.asText()));
    }
  }
}
