package org.loadcast.results;

/** The phase of a load test a request belongs to. */
public enum Phase {
  /** A constant rate before the probe, not measured: the JIT, pools and caches warm up. */
  WARMUP,
  /** Stepped constant rates up to saturation, to measure capacity. */
  PROBE,
  /** The compressed replay of the traffic profile. */
  REPLAY;

  /** Returns the lower-case name used in files. */
  public String fileName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
