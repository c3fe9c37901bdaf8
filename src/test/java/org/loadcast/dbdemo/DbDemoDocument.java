package org.loadcast.dbdemo;

/**
 * The database demo's experiment file, {@code simulations/db-demo.yaml}, as bound by {@code
 * YamlFile}: every rule is checked here, and a broken one is reported at its file:line:column.
 *
 * @param name the experiment's name, used in the run id
 * @param description what it shows
 * @param seed the seed of the data and of the request draws
 * @param profile the traffic profile whose request mix and feeders are sent, relative to this file
 * @param database the shop's size and the service's workers
 * @param load the two rounds of load: before and after the advice
 * @param advisor what is done between the rounds
 */
record DbDemoDocument(String name, String description, long seed, String profile, Database database, Load load,
    Advisor advisor) {

  /** Checks the fields. */
  DbDemoDocument {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("name must be 1 to 64 letters, digits, '.', '_' or '-', but was '" + name + "'");
    }
    if (profile == null || profile.isBlank()) {
      throw new IllegalArgumentException("profile must name a traffic profile file, but was '" + profile + "'");
    }
    if (database == null || load == null || advisor == null) {
      throw new IllegalArgumentException("database, load and advisor are required");
    }
  }

  /**
   * The shop's database and service.
   *
   * @param orders orders generated, 1,000 to 10,000,000 (customers are a twentieth of it)
   * @param workers the service's worker threads, and so its connections, 1 to 64
   */
  record Database(int orders, int workers) {
    Database {
      if (orders < 1_000 || orders > 10_000_000) {
        throw new IllegalArgumentException("orders must be from 1000 to 10000000, but was " + orders);
      }
      if (workers < 1 || workers > 64) {
        throw new IllegalArgumentException("workers must be from 1 to 64, but was " + workers);
      }
    }
  }

  /**
   * One round of load, run twice: before the advice and after it.
   *
   * @param ratePerSecond requests per second, constant (the open workload model), in (0, 1000]
   * @param warmupSeconds seconds at the rate before measuring, 0 to 600
   * @param durationSeconds seconds measured, 5 to 3600
   * @param pauseSeconds seconds between the rounds, in which the advisor runs and its DDL is applied, 10 to 3600
   */
  record Load(double ratePerSecond, int warmupSeconds, int durationSeconds, int pauseSeconds) {
    Load {
      if (!(ratePerSecond > 0 && ratePerSecond <= 1000)) {
        throw new IllegalArgumentException("ratePerSecond must be > 0 and <= 1000, but was " + ratePerSecond);
      }
      if (warmupSeconds < 0 || warmupSeconds > 600) {
        throw new IllegalArgumentException("warmupSeconds must be from 0 to 600, but was " + warmupSeconds);
      }
      if (durationSeconds < 5 || durationSeconds > 3600) {
        throw new IllegalArgumentException("durationSeconds must be from 5 to 3600, but was " + durationSeconds);
      }
      if (pauseSeconds < 10 || pauseSeconds > 3600) {
        throw new IllegalArgumentException("pauseSeconds must be from 10 to 3600, but was " + pauseSeconds);
      }
    }
  }

  /**
   * What happens between the rounds.
   *
   * @param apply whether the recommended indexes are created (as {@code loadcast dbadvise --apply})
   * @param rewriteNPlusOne whether the second round's service runs the batched query the advice
   *     suggests for the N+1 endpoint: the code change a developer would make
   */
  record Advisor(boolean apply, boolean rewriteNPlusOne) {}
}
