package org.loadcast.profile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages the lines of a real input the way production files are damaged, for the property tests:
 * lines deleted, duplicated or swapped, random bytes or Unicode inserted, a line cut short, a byte
 * order mark, CRLF ends, blank and huge lines. Each mutation is drawn from one {@link Random}, so a
 * seed reproduces a case.
 */
final class LineMutations {
  private static final String[] UNICODE = {"é", "日本", "\u2028", "\uFEFF", "\u0000", "\u001b[31m", "😀", "\"", "\\", " ", ","};

  private LineMutations() {}

  /** Returns a copy of the lines with 0 to {@code maxMutations} mutations of any kind applied. */
  static List<byte[]> mutate(List<byte[]> original, Random random, int maxMutations) {
    List<byte[]> lines = new ArrayList<>(original);
    int mutations = random.nextInt(maxMutations + 1);
    for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
      int i = random.nextInt(lines.size());
      byte[] line = lines.get(i);
      switch (random.nextInt(9)) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, line);
        case 2 -> {
          int j = random.nextInt(lines.size());
          lines.set(i, lines.get(j));
          lines.set(j, line);
        }
        case 3 -> lines.set(i, insert(line, random.nextInt(line.length + 1), randomBytes(random, 1 + random.nextInt(4))));
        case 4 -> lines.set(i, insert(line, random.nextInt(line.length + 1),
            UNICODE[random.nextInt(UNICODE.length)].getBytes(StandardCharsets.UTF_8)));
        case 5 -> lines.set(i, Arrays.copyOf(line, random.nextInt(line.length + 1)));
        case 6 -> lines.add(i, random.nextBoolean() ? new byte[0] : "  \t".getBytes(StandardCharsets.US_ASCII));
        case 7 -> lines.set(i, Arrays.copyOf(line, line.length + 1)); // a NUL at the end
        default -> lines.set(i, insert(line, line.length, new byte[] {'\r'}));
      }
    }
    return lines;
  }

  /** Returns the lines joined by LF, with a final LF or not, and a UTF-8 byte order mark or not. */
  static byte[] join(List<byte[]> lines, Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (random.nextInt(10) == 0) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    for (int i = 0; i < lines.size(); i++) {
      out.writeBytes(lines.get(i));
      if (i < lines.size() - 1 || random.nextBoolean()) {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  /**
   * Returns the lines a reader sees in the bytes, as {@link TextLines} defines them: split at LF, one
   * CR before it dropped, a byte order mark at the start dropped, and no line after a final LF.
   */
  static List<String> linesOf(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    lines.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
    return lines;
  }

  /** Returns {@code count} random bytes. */
  static byte[] randomBytes(Random random, int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] insert(byte[] line, int at, byte[] inserted) {
    byte[] out = new byte[line.length + inserted.length];
    System.arraycopy(line, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(line, at, out, at + inserted.length, line.length - at);
    return out;
  }

  /** Returns a random run of consecutive lines of a file's lines, {@code 1 <= length <= maxLines}. */
  static List<byte[]> window(List<byte[]> lines, Random random, int maxLines) {
    int length = 1 + random.nextInt(Math.min(maxLines, lines.size()));
    int from = random.nextInt(lines.size() - length + 1);
    return new ArrayList<>(lines.subList(from, from + length));
  }
}
