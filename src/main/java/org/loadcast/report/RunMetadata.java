package org.loadcast.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * Facts about a run that the report header shows.
 *
 * @param loadcastVersion the tool's version
 * @param runId the run id, also the report's directory name
 * @param commandLine how the run was started
 * @param startedAt when the run started, ISO-8601 in UTC
 * @param durationSeconds how long the run took, wall-clock
 * @param inputSha256 each input file, as the user named it, with the SHA-256 of its bytes; sorted
 */
public record RunMetadata(
    String loadcastVersion, String runId, String commandLine, String startedAt, double durationSeconds,
    Map<String, String> inputSha256) {

  /** Copies the map, sorted by file. */
  public RunMetadata {
    inputSha256 = java.util.Collections.unmodifiableMap(new TreeMap<>(inputSha256));
  }
}
