package org.loadcast.profile;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves a file name written in an input file (a profile's curve file, an experiment's profile)
 * against the folder of that input, with an error a user can act on when this system cannot name it.
 *
 * <p>Java maps a file name to bytes with the JVM's file-name encoding ({@code sun.jnu.encoding}),
 * which comes from the locale: under the C locale it is ASCII, and a name holding {@code é} cannot be
 * named at all ({@link InvalidPathException}). Stateless and thread-safe.
 */
public final class FileNames {
  private FileNames() {}

  /**
   * Resolves a name against a folder and normalises it.
   *
   * @param folder the folder; null for the working directory
   * @param name the name as the input wrote it, relative or absolute
   * @return the path
   * @throws IllegalArgumentException if this system cannot name the path: the message quotes the name,
   *     the reason and the file-name encoding, and says how to use a UTF-8 locale
   */
  public static Path resolve(Path folder, String name) {
    try {
      return folder == null ? Path.of(name).normalize() : folder.resolve(name).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + name + "' is not a file name this system can use (" + e.getReason()
          + " in the JVM's file-name encoding, " + System.getProperty("sun.jnu.encoding") + "; a UTF-8 locale, such as "
          + "LANG=C.UTF-8, lets it name any file)");
    }
  }
}
