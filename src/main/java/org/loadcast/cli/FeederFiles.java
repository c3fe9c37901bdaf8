package org.loadcast.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.loadcast.profile.RequestMix;
import org.loadcast.profile.RequestTemplate;

/**
 * The CSV feeder files of a profile's request templates, checked before a load test sends anything.
 *
 * <p>A feeder is a CSV file, comma-separated, UTF-8, whose path is relative to the profile's YAML
 * file; its first row names the columns, and each later row gives one set of placeholder values
 * (the format Gatling's {@code csv(...)} feeder reads, RFC 4180). The load test reads the rows in a
 * circle.
 */
public final class FeederFiles {
  private FeederFiles() {}

  /**
   * Returns a template's feeder file.
   *
   * @param profileFile the profile's YAML file
   * @param template a template with a feeder
   * @return the feeder's path, resolved against the profile's directory and normalised
   * @throws IllegalArgumentException if the template has no feeder, or this system cannot name the
   *     file ({@link org.loadcast.profile.FileNames#resolve})
   */
  public static Path resolve(Path profileFile, RequestTemplate template) {
    if (template.feeder() == null) {
      throw new IllegalArgumentException("template '" + template.name() + "' must have a feeder, but had none");
    }
    return org.loadcast.profile.FileNames.resolve(profileFile.toAbsolutePath().getParent(), template.feeder());
  }

  /**
   * Checks every feeder of a mix: the file can be read, has a header row and at least one row of
   * values, and its columns fill every placeholder of its template ({@link
   * RequestTemplate#missingColumns}).
   *
   * @param profileFile the profile's YAML file
   * @param mix the profile's mix
   * @return one line per problem, such as {@code traffic-profiles/shop.yaml: mix.requests[1].feeder
   *     'items.csv' must have a column for each placeholder, but lacks id}, in template order;
   *     empty when every feeder is fine
   */
  public static List<String> problems(Path profileFile, RequestMix mix) {
    return fieldProblems(profileFile, mix).stream().map(p -> profileFile + ": " + p.message()).toList();
  }

  /**
   * A feeder problem and the field it is about.
   *
   * @param path the field, such as {@code mix.requests[1].feeder}
   * @param message the rule broken, starting with the field
   */
  record FieldProblem(String path, String message) {}

  /** Returns the problems of {@link #problems}, each with the field it is about, in template order. */
  static List<FieldProblem> fieldProblems(Path profileFile, RequestMix mix) {
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < mix.requests().size(); i++) {
      RequestTemplate template = mix.requests().get(i);
      if (template.feeder() != null) {
        String path = "mix.requests[" + i + "].feeder";
        Path file;
        try {
          file = resolve(profileFile, template);
        } catch (IllegalArgumentException e) {
          problems.add(new FieldProblem(path, path + " must name a CSV file beside the profile, but " + e.getMessage()));
          continue;
        }
        check(path + " '" + template.feeder() + "'", file, template)
            .ifPresent(message -> problems.add(new FieldProblem(path, message)));
      }
    }
    return problems;
  }

  private static java.util.Optional<String> check(String field, Path file, RequestTemplate template) {
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.of(field + " must be a CSV file beside the profile, but " + file + " does not exist");
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null || header.isBlank()) {
        return java.util.Optional.of(field + " must start with a header row of column names, but was empty");
      }
      String row = reader.readLine();
      if (row == null || row.isBlank()) {
        return java.util.Optional.of(field + " must have at least one row of values after the header, but had none");
      }
      Set<String> missing = template.missingColumns(columns(header));
      if (!missing.isEmpty()) {
        return java.util.Optional.of(field + " must have a column for each placeholder, but lacks "
            + String.join(", ", missing) + "; its columns are " + String.join(", ", columns(header)));
      }
      return java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.of(field + " must be readable, but reading " + file + " failed: " + e.getMessage());
    }
  }

  /**
   * Returns the column names of a CSV header row: split at commas, a byte-order mark and
   * surrounding double quotes removed.
   *
   * @param header the first line of the file
   * @return the names in file order
   */
  static List<String> columns(String header) {
    String line = header.startsWith("\uFEFF") ? header.substring(1) : header;
    List<String> names = new ArrayList<>();
    for (String cell : line.split(",", -1)) {
      String name = cell.strip();
      names.add(name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name);
    }
    return names;
  }
}
