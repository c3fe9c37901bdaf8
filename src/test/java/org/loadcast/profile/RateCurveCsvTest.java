package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateCurveCsvTest {
  private static final String CSV = "atSeconds,ratePerSecond\n0,1.5\n60,3\n120,0\n";

  @TempDir
  Path dir;

  private Path gzipped(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void read_gzippedFile_givesTheSamePointsAsPlain() throws IOException {
    Path plain = Files.writeString(dir.resolve("plain.rate.csv"), CSV);
    Path packed = gzipped("packed.rate.csv", CSV);

    RateCurve a = RateCurveCsv.read(plain, Interpolation.LINEAR, List.of());
    RateCurve b = RateCurveCsv.read(packed, Interpolation.LINEAR, List.of());

    assertThat(b.pointCount()).isEqualTo(3).isEqualTo(a.pointCount());
    for (int i = 0; i < 3; i++) {
      assertThat(b.atSeconds(i)).isEqualTo(a.atSeconds(i));
      assertThat(b.ratePerSecond(i)).isEqualTo(a.ratePerSecond(i));
    }
    assertThat(b.integral(0, 120)).isEqualTo(225.0); // (1.5 + 3) / 2 * 60 + (3 + 0) / 2 * 60 = 135 + 90
  }

  @Test
  void read_gzippedFileWithABadLine_locatesIt() throws IOException {
    Path packed = gzipped("bad.rate.csv", "atSeconds,ratePerSecond\n0,1\n60,x\n");

    assertThatThrownBy(() -> RateCurveCsv.read(packed, Interpolation.LINEAR, List.of()))
        .isInstanceOf(InputException.class).hasMessageContaining(packed + ":3:");
  }
}
