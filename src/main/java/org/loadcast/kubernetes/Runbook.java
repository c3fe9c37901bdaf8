package org.loadcast.kubernetes;

import java.util.Locale;

/**
 * The {@code README.txt} written beside the manifests: what the cluster must offer, and the kubectl
 * commands that apply the manifests, watch the injectors, collect their results and merge them.
 */
public final class Runbook {
  private Runbook() {}

  /**
   * Returns the runbook of a job.
   *
   * @param job the injector job the manifests describe
   * @param files the ConfigMap's files
   * @param gzipped the paths of the files gzipped to fit the ConfigMap's limit, in order; may be empty
   * @return plain text, lines of at most about 120 characters, ending with a line feed
   */
  public static String text(InjectorJob job, MountedFiles files, java.util.List<String> gzipped) {
    String packed = gzipped.isEmpty() ? "" : "                  gzipped to fit the ConfigMap's 1 MiB (the profile reader "
        + "recognises gzip): " + String.join(", ", gzipped) + "\n";
    String ns = job.namespace().map(n -> " -n " + n).orElse("");
    String selector = InjectorJob.INSTANCE_LABEL + "=" + job.runId() + "," + InjectorJob.COMPONENT_LABEL + "=injector";
    String local = "results/" + job.runId();
    String start = job.startAt().map(at -> "The injectors start together at " + at + " (-Dstart.at); every pod must be "
            + "running by then.")
        .orElse("The first injector to start writes " + job.resultsDirectory() + "/start-at, a start 30 s ahead, and the "
            + "others read it:\n  an injector still pending by then starts late. Use a new --run-id for each run: the "
            + "start-at file of\n  an earlier run with the same id would give a start in the past.");
    return String.format(Locale.ROOT, """
        Loadcast on Kubernetes: run %1$s, %2$d injector(s)

        configmap.yaml    the experiment %3$s and the files it reads (%4$d file(s), %5$d bytes),
                          mounted at %6$s
        %20$sjob.yaml          an Indexed Job, %2$d pod(s) at once; pod i sends shard i of the schedule to
                          %7$s and writes %8$s/injector-i
        collect-pod.yaml  a pod that mounts the results claim, for kubectl cp

        Before you start
        - The PersistentVolumeClaim '%9$s' exists in the namespace with access mode ReadWriteMany.
        - The image %10$s holds the project (working directory at its pom.xml)
          and a Maven repository with every dependency, for `mvn -o`, readable by user %11$d; it has sleep and tar.
        - The cluster has room for %2$d pod(s) of cpu %12$s and memory %13$s at once.
        - %14$s

        1. Create
           kubectl create%15$s -f configmap.yaml -f job.yaml
           (create, not apply: a client-side apply copies the whole ConfigMap into an annotation, which is limited
           to 256 KiB; and a run's objects are new, like its --run-id)

        2. Watch
           kubectl get pods%15$s -l %16$s --watch
           kubectl logs%15$s -l %16$s --prefix --tail=20
           kubectl wait%15$s --for=condition=complete --timeout=24h job/%17$s
           A failed injector fails the whole Job (backoffLimit 0: a retry would send its shard twice);
           `kubectl describe%15$s job/%17$s` says which. Delete the Job and run again with a new --run-id.

        3. Collect
           kubectl create%15$s -f collect-pod.yaml
           kubectl wait%15$s --for=condition=Ready pod/%18$s
           kubectl cp%15$s %18$s:%8$s %19$s
           kubectl delete%15$s pod/%18$s

        4. Merge and report
           loadcast results merge %19$s/injector-* --out %19$s/merged
           loadcast results report %19$s/merged %3$s --target %7$s --out reports

        5. Clean up
           kubectl delete%15$s -f job.yaml -f configmap.yaml
        """, job.runId(), job.injectors(), job.experimentPath(), files.paths().size(), files.totalBytes(),
        InjectorJob.CONFIG_MOUNT_PATH, job.target(), job.resultsDirectory(), job.resultsClaim(), job.image(),
        InjectorJob.RUN_AS_USER, job.cpu(), job.memory(), start, ns, selector, job.jobName(), job.collectorName(), local, packed);
  }
}
