package org.loadcast;

import java.util.Properties;

/** System properties for tests of settings read from {@code -D} options. */
public final class TestProperties {
  private TestProperties() {}

  /**
   * Returns properties from key-value pairs.
   *
   * @param keyValues key, value, key, value, ...
   * @return the properties
   */
  public static Properties of(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return properties;
  }
}
