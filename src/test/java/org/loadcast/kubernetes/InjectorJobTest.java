package org.loadcast.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InjectorJobTest {
  private static InjectorJob job(int injectors, String image) {
    return new InjectorJob("run-1", injectors, image, URI.create("https://shop.example.com"), Optional.empty(), "loadcast-results",
        "1500m", "3Gi", Optional.empty(), "simulations/x.yaml");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ubuntu", "loadcast:0.1.0", "localhost:5000/loadcast", "registry.example.com/team/load_cast:v1.2-rc.1",
      "ghcr.io/o/loadcast@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
  void image_reference_isAccepted(String image) {
    assertThat(job(1, image).image()).isEqualTo(image);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Ubuntu", "loadcast:", "-loadcast", "registry.example.com/", "a b", "loadcast@sha256:12"})
  void image_malformed_isRefused(String image) {
    assertThatThrownBy(() -> job(1, image)).hasMessage("image must be a container image reference such as "
        + "registry.example.com/loadcast:0.1.0, but was '" + image + "'");
  }

  @Test
  void injectors_outOfRange_areRefused() {
    assertThat(job(InjectorJob.MAX_INJECTORS, "loadcast").injectors()).isEqualTo(100_000);
    assertThatThrownBy(() -> job(0, "loadcast")).hasMessage("injectors must be in 1..100000, but was '0'");
    assertThatThrownBy(() -> job(100_001, "loadcast")).hasMessage("injectors must be in 1..100000, but was '100001'");
  }

  @Test
  void runId_overFortyCharacters_isRefused() {
    assertThatThrownBy(() -> new InjectorJob("r".repeat(41), 1, "loadcast", URI.create("http://h"), Optional.empty(), "c", "1", "1Gi",
        Optional.empty(), "x.yaml")).hasMessageStartingWith("run id must be a DNS-1123 label");
  }

  @Test
  void job_resources_areRequestedAndLimited() {
    Job job = ManifestRules.read(ManifestYaml.write(job(2, "loadcast").job(MountedFiles.of(Map.of("simulations/x.yaml", new byte[1])))),
        Job.class);
    var resources = job.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();

    assertThat(resources.getRequests().get("cpu").toString()).isEqualTo("1500m");
    assertThat(resources.getLimits().get("memory").toString()).isEqualTo("3Gi");
  }

  @Test
  void args_indexVariable_isDeclaredFromTheCompletionAnnotation() {
    Job job = job(2, "loadcast").job(MountedFiles.of(Map.of("simulations/x.yaml", new byte[1])));
    var env = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0);

    assertThat(env.getName()).isEqualTo("JOB_COMPLETION_INDEX");
    assertThat(env.getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
  }
}
