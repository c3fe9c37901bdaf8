/**
 * Kubernetes manifests for a load test spread over several injectors (issue 9): an Indexed
 * {@code batch/v1} Job whose pod {@code i} of {@code N} sends shard {@code i} of the arrival schedule,
 * the ConfigMap that carries the experiment and every file it reads, and a short-lived pod that
 * mounts the results volume so that {@code kubectl cp} can fetch the injectors' results.
 *
 * <p>The objects are built with the fabric8 Kubernetes model ({@code io.fabric8:kubernetes-model-core}
 * and {@code -batch}) and written as YAML by Jackson, never as hand-made strings. The classes here
 * take values and return objects or text; reading the experiment and writing the files is the
 * command line's job ({@code loadcast k8s}).
 *
 * <p>References: Kubernetes documentation, "Jobs" (Indexed completion mode, {@code
 * JOB_COMPLETION_INDEX}), "ConfigMaps" (1 MiB limit, key characters), "Define Dependent
 * Environment Variables" ({@code $(VAR)} expansion and its {@code $$} escape), and the API server's
 * validation ({@code pkg/apis/core/validation}, {@code pkg/apis/batch/validation}).
 */
package org.loadcast.kubernetes;
