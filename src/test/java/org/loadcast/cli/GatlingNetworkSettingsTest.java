package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.loadcast.loadtest.EffectiveGatlingConfiguration;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Gatling's usage analytics and its HTTP warm-up request are off in every way a load test starts. Each
 * case starts a JVM as that way does and reads the configuration Gatling itself loads there
 * ({@link EffectiveGatlingConfiguration}): the classpath's {@code gatling.conf} alone, the
 * gatling-maven-plugin's JVM arguments in the pom ({@code mvn gatling:test}, and the Kubernetes pods,
 * which run it), the end-to-end tests' failsafe and surefire arguments, and {@code loadcast inject}'s
 * injector JVMs. A control case shows the check sees analytics switched on.
 */
class GatlingNetworkSettingsTest {
  private static final Path POM = Path.of("pom.xml");

  @Test
  void classpathGatlingConf_alone_turnsBothOff() throws Exception {
    assertOff(effective(List.of()));
  }

  @Test
  void mavenPluginJvmArgs_turnBothOff() throws Exception {
    List<String> jvmArgs = texts("jvmArg", pluginConfiguration("gatling-maven-plugin"));
    assertThat(jvmArgs).contains("-Dgatling.data.enableAnalytics=false", "-Dgatling.http.warmUpUrl=");
    assertOff(effective(jvmArgs));
  }

  @Test
  void surefireAndFailsafeArgLines_turnBothOff() throws Exception {
    for (String plugin : List.of("maven-surefire-plugin", "maven-failsafe-plugin")) {
      List<String> argLine = List.of(texts("argLine", pluginConfiguration(plugin)).get(0).trim().split("\\s+"));
      assertThat(argLine).as(plugin).contains("-Dgatling.data.enableAnalytics=false", "-Dgatling.http.warmUpUrl=");
      assertOff(effective(argLine));
    }
  }

  @Test
  void injectorJvmOptions_turnBothOff() throws Exception {
    assertThat(InjectCommand.GATLING_JVM_OPTIONS).contains("-Dgatling.data.enableAnalytics=false", "-Dgatling.http.warmUpUrl=");
    assertOff(effective(InjectCommand.GATLING_JVM_OPTIONS));
  }

  @Test
  void control_analyticsSwitchedOn_isSeen() throws Exception {
    List<String> lines = effective(List.of("-Dgatling.data.enableAnalytics=true", "-Dgatling.http.warmUpUrl=https://gatling.io"));
    assertThat(lines).containsExactly("enableAnalytics=true", "warmUpUrl=https://gatling.io");
  }

  private static void assertOff(List<String> lines) {
    assertThat(lines).containsExactly("enableAnalytics=false", "warmUpUrl=");
  }

  /** Runs {@link EffectiveGatlingConfiguration} in a JVM with these options and the test classpath. */
  private static List<String> effective(List<String> options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), EffectiveGatlingConfiguration.class.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output.lines().filter(l -> l.startsWith("enableAnalytics=") || l.startsWith("warmUpUrl=")).toList();
  }

  private static Element pluginConfiguration(String artifactId) throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(POM.toFile());
    NodeList plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      if (texts("artifactId", plugin).get(0).equals(artifactId)) {
        return (Element) plugin.getElementsByTagName("configuration").item(0);
      }
    }
    throw new AssertionError("no plugin " + artifactId + " in " + POM);
  }

  private static List<String> texts(String tag, Element parent) {
    NodeList nodes = parent.getElementsByTagName(tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim());
    }
    return texts;
  }
}
