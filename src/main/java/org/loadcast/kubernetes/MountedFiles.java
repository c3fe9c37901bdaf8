package org.loadcast.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Files that one ConfigMap carries into a pod: each under a key the API server accepts, and at its
 * path relative to the volume's mount point, so that a tree of files (an experiment, its profile,
 * feeders) keeps its shape inside the pod.
 *
 * <p>A file's key is its path with every character outside {@code [-._a-zA-Z0-9]} replaced by
 * {@code _}, such as {@code traffic-profiles_nasa.yaml} for {@code traffic-profiles/nasa.yaml}. UTF-8
 * text without carriage returns goes to the ConfigMap's {@code data}, anything else to {@code
 * binaryData} (base64 in YAML), so that every file reaches the pod byte for byte.
 *
 * <p>The rules checked are the API server's (Kubernetes {@code pkg/apis/core/validation}): a key is
 * at most 253 characters of {@code [-._a-zA-Z0-9]}, not {@code .} or {@code ..} ({@code
 * IsConfigMapKey}); an item path is relative and has no {@code ..} element ({@code
 * validateLocalDescendingPath}); the values of one ConfigMap total at most 1 MiB ({@code
 * MaxSecretSize}, 1,048,576 bytes, counted as the bytes stored).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MountedFiles {
  /** The most bytes the values of one ConfigMap may hold: 1 MiB. */
  public static final long MAX_TOTAL_BYTES = 1024 * 1024;
  /** The longest ConfigMap key. */
  public static final int MAX_KEY_LENGTH = 253;
  private static final Pattern UNSAFE_KEY_CHARACTER = Pattern.compile("[^-._a-zA-Z0-9]");
  private static final Pattern SEGMENT = Pattern.compile("[^/\\\\]+");

  private final SortedMap<String, byte[]> contentByPath;

  private MountedFiles(SortedMap<String, byte[]> contentByPath) {
    this.contentByPath = contentByPath;
  }

  /**
   * Checks and keys a set of files.
   *
   * @param contentByPath each file's content by its path relative to the mount point, with
   *     {@code /} between directories, such as {@code simulations/smoke.yaml}; at least one file
   * @return the files, in path order
   * @throws IllegalArgumentException if there is no file; if a path is absolute, empty, has an empty,
   *     {@code .} or {@code ..} element or a backslash; if two paths give the same key or a key is
   *     longer than 253 characters; or if the files total more than {@link #MAX_TOTAL_BYTES}, naming
   *     the biggest three
   */
  public static MountedFiles of(Map<String, byte[]> contentByPath) {
    if (contentByPath.isEmpty()) {
      throw new IllegalArgumentException("files must hold at least one file, but was empty");
    }
    SortedMap<String, byte[]> copy = new TreeMap<>();
    Map<String, String> pathByKey = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : contentByPath.entrySet()) {
      String path = file.getKey();
      checkPath(path);
      String previous = pathByKey.put(key(path), path);
      if (previous != null) {
        throw new IllegalArgumentException("files '" + previous + "' and '" + path + "' must have different ConfigMap keys, "
            + "but both would be '" + key(path) + "'; rename one");
      }
      copy.put(path, file.getValue().clone());
    }
    MountedFiles files = new MountedFiles(Collections.unmodifiableSortedMap(copy));
    if (files.totalBytes() > MAX_TOTAL_BYTES) {
      throw new IllegalArgumentException("the files must total at most " + MAX_TOTAL_BYTES + " bytes (1 MiB, the "
          + "ConfigMap limit), but total " + files.totalBytes() + " bytes; the biggest: " + files.biggest(3));
    }
    return files;
  }

  private static void checkPath(String path) {
    boolean relative = !path.isEmpty() && !path.startsWith("/") && !path.endsWith("/") && path.indexOf('\\') < 0;
    boolean descending = relative && java.util.Arrays.stream(path.split("/", -1))
        .allMatch(s -> SEGMENT.matcher(s).matches() && !s.equals(".") && !s.equals(".."));
    if (!descending) {
      throw new IllegalArgumentException("file path must be relative to the mount point, with no empty, '.' or '..' "
          + "element, but was '" + path + "'");
    }
    if (key(path).length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("file path must give a ConfigMap key of at most " + MAX_KEY_LENGTH
          + " characters, but '" + path + "' has " + path.length());
    }
  }

  /**
   * Returns the ConfigMap key of a path.
   *
   * @param path a path relative to the mount point
   * @return the path with every character outside {@code [-._a-zA-Z0-9]} replaced by {@code _}
   */
  public static String key(String path) {
    return UNSAFE_KEY_CHARACTER.matcher(path).replaceAll("_");
  }

  /** Returns the files' paths relative to the mount point, in order. */
  public List<String> paths() {
    return List.copyOf(contentByPath.keySet());
  }

  /** Returns the bytes the files total, as a ConfigMap stores them (before base64). */
  public long totalBytes() {
    return contentByPath.values().stream().mapToLong(b -> b.length).sum();
  }

  /**
   * Returns the ConfigMap holding the files.
   *
   * @param metadata the ConfigMap's name, namespace and labels
   * @return a {@code v1} ConfigMap, text in {@code data} and other bytes in {@code binaryData}, by key
   */
  public ConfigMap configMap(ObjectMeta metadata) {
    SortedMap<String, String> data = new TreeMap<>();
    SortedMap<String, String> binaryData = new TreeMap<>();
    contentByPath.forEach((path, content) -> {
      String text = utf8(content);
      if (text != null) {
        data.put(key(path), text);
      } else {
        binaryData.put(key(path), Base64.getEncoder().encodeToString(content));
      }
    });
    return new ConfigMapBuilder().withMetadata(metadata).withData(data.isEmpty() ? null : data)
        .withBinaryData(binaryData.isEmpty() ? null : binaryData).build();
  }

  /**
   * Returns the volume items that lay the files out: each key at its path.
   *
   * @return one item per file, in path order
   */
  public List<KeyToPath> items() {
    List<KeyToPath> items = new ArrayList<>();
    for (String path : contentByPath.keySet()) {
      items.add(new KeyToPathBuilder().withKey(key(path)).withPath(path).build());
    }
    return items;
  }

  private String biggest(int count) {
    return contentByPath.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, byte[]> e) -> e.getValue().length).reversed()
            .thenComparing(Map.Entry::getKey))
        .limit(count)
        .map(e -> String.format(Locale.ROOT, "%s (%d bytes)", e.getKey(), e.getValue().length))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * Returns the bytes as text when they are well-formed UTF-8 without a carriage return, else null: a
   * YAML reader turns every line break into a line feed (YAML 1.2, section 5.4), so text with
   * carriage returns would not come back byte for byte from {@code data}.
   */
  private static String utf8(byte[] content) {
    for (byte b : content) {
      if (b == '\r') {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
