package org.loadcast.dbadvisor;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * zonky's PostgreSQL binaries, made to run when the JVM is root (as CI is): PostgreSQL refuses to
 * run as root ("initdb: cannot be run as root"), and zonky runs it as the JVM's user.
 *
 * <p>The archive zonky would extract is repacked with {@code bin/initdb} and {@code bin/pg_ctl}
 * renamed to {@code *.bin} and replaced by a shell script that, under uid 0, hands the data
 * directory ({@code -D}) to an unprivileged user and runs the real program as that user through
 * util-linux's {@code runuser}; under any other uid it runs the real program directly. The server
 * that {@code pg_ctl} starts then runs as that user too. Nothing else in the archive changes.
 */
final class NonRootBinaries implements PgBinaryResolver {
  private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl");
  private static final Date FIXED_TIME = new Date(1_767_225_600_000L);
  private final String user;

  /**
   * @param user the unprivileged system user to run PostgreSQL as
   */
  NonRootBinaries(String user) {
    this.user = user;
  }

  /** Returns true when this JVM runs as root. */
  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Returns "postgres" when the system has that user (Debian's PostgreSQL packages create it), else "nobody". */
  static String unprivilegedUser() throws IOException {
    Path passwd = Path.of("/etc/passwd");
    boolean postgres = Files.exists(passwd) && Files.readAllLines(passwd).stream().anyMatch(l -> l.startsWith("postgres:"));
    return postgres ? "postgres" : "nobody";
  }

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    ByteArrayOutputStream repacked = new ByteArrayOutputStream();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(
            DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)));
        TarArchiveOutputStream out = new TarArchiveOutputStream(new XZOutputStream(repacked, new LZMA2Options(0)))) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
        if (WRAPPED.contains(name)) {
          entry.setName(entry.getName() + ".bin");
          copy(in, out, entry);
          wrapper(out, entry.getName().substring(0, entry.getName().length() - ".bin".length()));
        } else {
          copy(in, out, entry);
        }
      }
    }
    return new ByteArrayInputStream(repacked.toByteArray());
  }

  private static void copy(TarArchiveInputStream in, TarArchiveOutputStream out, TarArchiveEntry entry) throws IOException {
    out.putArchiveEntry(entry);
    if (entry.isFile()) {
      in.transferTo(out);
    }
    out.closeArchiveEntry();
  }

  private void wrapper(TarArchiveOutputStream out, String name) throws IOException {
    byte[] script = String.join("\n",
        "#!/bin/sh",
        "# PostgreSQL refuses to run as root: as root, run the real program as " + user + " (see NonRootBinaries).",
        "real=\"$0.bin\"",
        "data=''",
        "previous=''",
        "for arg in \"$@\"; do",
        "  if [ \"$previous\" = '-D' ]; then data=\"$arg\"; fi",
        "  previous=\"$arg\"",
        "done",
        "if [ \"$(id -u)\" = '0' ]; then",
        "  if [ -n \"$data\" ]; then mkdir -p \"$data\" && chown -R " + user + " \"$data\"; fi",
        "  exec runuser -u " + user + " -- \"$real\" \"$@\"",
        "fi",
        "exec \"$real\" \"$@\"",
        "").getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(script.length);
    entry.setMode(0755);
    entry.setModTime(FIXED_TIME);
    out.putArchiveEntry(entry);
    out.write(script);
    out.closeArchiveEntry();
  }
}
