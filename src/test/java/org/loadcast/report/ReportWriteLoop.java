package org.loadcast.report;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the same full report into one directory over and over until killed, for {@link
 * AtomicOutputsIT}: a kill lands in the middle of a write.
 */
public final class ReportWriteLoop {
  private ReportWriteLoop() {}

  /**
   * Writes the report without end.
   *
   * @param args the report directory
   */
  public static void main(String[] args) {
    RunReport report = RunReportFixture.withEverySection(new RunReportFixture.Texts("atomic-outputs",
        "A report written over and over.", List.of("hpa-70", "hpa-50"), List.of("HPA, target 70 %", "HPA, target 50 %"),
        List.of("A note.")));
    Path directory = Path.of(args[0]);
    for (long i = 0; ; i++) {
      ReportWriter.write(report, directory);
      if (i == 0) {
        System.out.println("written");
        System.out.flush();
      }
    }
  }
}
