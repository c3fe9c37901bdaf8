package org.loadcast.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.loadcast.profile.RateCurve;

/**
 * One discrete-event run of a horizontally scaled service under an autoscaler.
 *
 * <p>Requests arrive as a non-homogeneous Poisson process with the spec's demand as intensity,
 * drawn by inverting its cumulative integral, or evenly spaced along it ({@link ArrivalProcess}). Each request's service time is drawn at arrival from
 * the {@code "service"} stream, so every policy sees the same requests with the same service times.
 * The load balancer sends each request to a serving instance; a free worker serves it at once,
 * otherwise it waits in that instance's FIFO queue, or is dropped when the queue is full. Latency is
 * the time from arrival to completion.
 *
 * <p>With per-template service times ({@link ServiceTime.PerTemplate}) each arrival's template is
 * drawn from the {@code "request-template"} stream and its time from the {@code "service"} stream,
 * so adding them changes neither the arrivals nor the load balancer's draws.
 *
 * <p>The autoscaler decides at time 0 and then every decision period. New instances boot for the
 * provisioning lead time, warm up, and serve. While warming, their workers may run slower ({@link
 * WarmupRamp}): a request started on a warming instance takes {@link WarmupRamp#elapsedSeconds}
 * instead of its drawn service time. On scale-in, booting instances go first (newest first), then
 * serving ones (newest first), which drain: they take no new request, finish their queue, then
 * terminate. Instances cost money from request to termination, billed by {@link Billing}.
 *
 * <p>With a request timeout {@code τ} ({@link ClusterConfig#requestTimeoutSeconds}), each client
 * gives up at {@code arrival + τ}. A request still queued then leaves the queue and never takes a
 * worker. A request in service then keeps its worker busy until its service ends (the server does
 * not notice the client left), but it is not a completion: it counts as timed out, in the minute the
 * client gave up, and its latency is not recorded. A request that completes exactly at {@code
 * arrival + τ} is in time; one still queued at that instant has timed out. Timeouts count against
 * the SLO as drops do ({@link MinuteStats#violates}). Because a queue is FIFO and {@code τ} is the
 * same for all, each queue's requests time out in queue order: one pending timeout event per
 * instance, for the head of its queue, is enough.
 *
 * <p>Mutable and not thread-safe: create one per run with {@link #run}.
 */
public final class ClusterSimulation implements ScalingView {
  private static final int ARRIVAL = 0;
  private static final int DEPARTURE = 1;
  private static final int DECISION = 2;
  private static final int BOOTED = 3;
  private static final int WARMED = 4;
  private static final int MINUTE = 5;
  private static final int END = 6;
  private static final int QUEUE_TIMEOUT = 7;
  private static final int SERVICE_TIMEOUT = 8;
  private static final int METRICS = 9;
  private static final long HIGHEST_LATENCY_MICROS = 24L * 3600 * 1_000_000;
  /** Latencies a minute keeps in a plain buffer before its percentiles move to a histogram (512 KiB). */
  private static final int MINUTE_LATENCY_BUFFER = 1 << 16;

  private final SimulationSpec spec;
  private final ClusterConfig cluster;
  private final Autoscaler autoscaler;
  private final SimulationProgress progress;
  private final CompletionListener completions;
  private final boolean poisson;
  private boolean firstArrival = true;
  private final EventList events = new EventList();
  private final RateCurve.Cursor arrivalsCursor;
  private final SplittableRandom arrivalRandom;
  private final SplittableRandom serviceRandom;
  private final SplittableRandom balancerRandom;
  private final SplittableRandom templateRandom;
  private final ServiceTime.PerTemplate perTemplate;
  private final ServiceTime[] templateTimes;
  private final WarmupRamp ramp;
  private final boolean rampFlat;
  private final boolean timeouts;
  private final double timeoutSeconds;
  private final Billing billing;
  private final double sloSeconds;
  private double now;

  // instances, indexed by id
  private int instanceCount;
  private InstanceState[] state = new InstanceState[64];
  private double[] startedAt = new double[64];
  private double[] servingSince = new double[64];
  private double[] readyAt = new double[64];
  private int[] busy = new int[64];
  private double[] busyIntegral = new double[64];
  private double[] lastBusyChange = new double[64];
  private double[] markIntegral = new double[64];
  private double[] markTime = new double[64];
  private double[][] queueArrival = new double[64][];
  private double[][] queueService = new double[64][];
  private int[] queueHead = new int[64];
  private int[] queueSize = new int[64];
  private boolean[] timeoutPending = new boolean[64];
  private int[] serving = new int[64];
  private int servingCount;
  private int roundRobin;
  private int replicas;
  private int provisioned;
  private List<PodMetrics> decisionPods = List.of();
  private final MetricWindow metricWindow;
  private double[] periodUtilization = new double[0];
  private long metricPeriods;
  private double lastPeriodEnd = Double.NaN;

  // requests in service
  private double[] slotArrival = new double[1024];
  private int[] slotInstance = new int[1024];
  private boolean[] slotTimesOut = new boolean[1024];
  private int[] freeSlots = new int[1024];
  private int freeCount;
  private int slotCount;

  // measurements
  private final int[] arrivalsPerSecond;
  private final WindowPercentiles minuteLatency = new WindowPercentiles(HIGHEST_LATENCY_MICROS, 3, MINUTE_LATENCY_BUFFER);
  private final Histogram totalLatency = new Histogram(HIGHEST_LATENCY_MICROS, 3);
  private final List<MinuteStats> minutes = new ArrayList<>();
  private final List<ScalingAction> actions = new ArrayList<>();
  private long minuteArrivals;
  private long minuteCompleted;
  private long minuteDropped;
  private long minuteOverSlo;
  private double minuteServingIntegral;
  private double minuteProvisionedIntegral;
  private double minuteReadyIntegral;
  private double minuteBootingIntegral;
  private double minuteDrainingIntegral;
  private long minuteTimedOut;
  private int readyCount;
  private int bootingCount;
  private int drainingCount;
  private long timedOut;
  private double billedSeconds;
  private double lastCountChange;
  private long arrivals;
  private long dropped;
  private long overSlo;
  private double latencySumSeconds;
  private long started;
  private long waited;
  private double waitSum;
  private int inSystem;
  private double inSystemIntegral;
  private double lastInSystemChange;
  private double instanceSeconds;

  private ClusterSimulation(
      SimulationSpec spec, Autoscaler autoscaler, SimulationProgress progress, CompletionListener completions) {
    this.spec = spec;
    this.progress = progress;
    this.completions = completions;
    this.poisson = spec.arrivalProcess() == ArrivalProcess.POISSON;
    this.cluster = spec.cluster();
    this.autoscaler = autoscaler;
    this.metricWindow = autoscaler.metricWindow();
    RandomStreams streams = new RandomStreams(spec.seed());
    this.arrivalRandom = streams.stream("arrivals");
    this.serviceRandom = streams.stream("service");
    this.balancerRandom = streams.stream("load-balancer");
    this.perTemplate = cluster.serviceTime() instanceof ServiceTime.PerTemplate p ? p : null;
    this.templateRandom = perTemplate == null ? null : streams.stream("request-template");
    this.templateTimes = perTemplate == null ? null
        : perTemplate.templates().stream().map(ServiceTime.PerTemplate.Template::serviceTime).toArray(ServiceTime[]::new);
    this.ramp = cluster.warmupRamp();
    this.rampFlat = ramp.isFlat();
    this.timeouts = cluster.hasRequestTimeout();
    this.timeoutSeconds = cluster.requestTimeoutSeconds();
    this.billing = cluster.billing();
    this.arrivalsCursor = spec.demand().cursor(spec.fromSeconds());
    this.sloSeconds = spec.slo().latencySeconds();
    this.arrivalsPerSecond = new int[(int) spec.durationSeconds()];
  }

  /**
   * Runs a simulation to the end of its horizon.
   *
   * @param spec the demand, service, SLO, horizon and seed
   * @param autoscaler the policy under test, fresh for this run
   * @return per-minute figures, totals and scaling actions; the same spec, seed and autoscaler
   *     behaviour give the same result
   * @throws IllegalStateException if the autoscaler asks for fewer than 1 replica
   */
  public static SimulationResult run(SimulationSpec spec, Autoscaler autoscaler) {
    return run(spec, autoscaler, SimulationProgress.NONE);
  }

  /**
   * Runs a simulation to the end of its horizon, telling a listener the simulated time reached at
   * the end of each simulated minute.
   *
   * @param spec the demand, service, SLO, horizon and seed
   * @param autoscaler the policy under test, fresh for this run
   * @param progress hears the simulated seconds reached, from this thread; it cannot change the result
   * @return as {@link #run(SimulationSpec, Autoscaler)}
   * @throws IllegalStateException if the autoscaler asks for fewer than 1 replica
   */
  public static SimulationResult run(SimulationSpec spec, Autoscaler autoscaler, SimulationProgress progress) {
    return run(spec, autoscaler, progress, CompletionListener.NONE);
  }

  /**
   * Runs a simulation to the end of its horizon, telling one listener the progress and another
   * every completed request.
   *
   * @param spec the demand, service, SLO, horizon and seed
   * @param autoscaler the policy under test, fresh for this run
   * @param progress as in {@link #run(SimulationSpec, Autoscaler, SimulationProgress)}
   * @param completions hears each completed request, from this thread; it cannot change the result
   * @return as {@link #run(SimulationSpec, Autoscaler)}
   * @throws IllegalStateException if the autoscaler asks for fewer than 1 replica
   */
  public static SimulationResult run(
      SimulationSpec spec, Autoscaler autoscaler, SimulationProgress progress, CompletionListener completions) {
    return new ClusterSimulation(spec, autoscaler, progress, completions).execute();
  }

  private SimulationResult execute() {
    for (int i = 0; i < cluster.initialInstances(); i++) {
      launch(true);
    }
    replicas = cluster.initialInstances();
    scheduleNextArrival();
    events.schedule(0, 5, DECISION, 0);
    scheduleMetricPeriodEnd();
    events.schedule(Math.min(60, spec.durationSeconds()), 4, MINUTE, 0);
    events.schedule(spec.durationSeconds(), 9, END, 0);
    while (!events.isEmpty()) {
      events.pop();
      now = events.time();
      if (!handle(events.type(), events.payload())) {
        break;
      }
    }
    return new SimulationResult(spec.durationSeconds(), minutes, totals(), actions);
  }

  private boolean handle(int type, int payload) {
    switch (type) {
      case ARRIVAL -> arrive();
      case DEPARTURE -> depart(payload);
      case DECISION -> decide();
      case BOOTED -> booted(payload);
      case WARMED -> warmed(payload);
      case QUEUE_TIMEOUT -> queueTimeout(payload);
      case SERVICE_TIMEOUT -> timeOut();
      case MINUTE -> closeMinute();
      case METRICS -> closeMetricPeriod();
      case END -> {
        closeMinute();
        return false;
      }
      default -> throw new IllegalStateException("unknown event type " + type);
    }
    return true;
  }

  // ---- arrivals and service

  private void scheduleNextArrival() {
    double step = poisson ? RandomStreams.exponential(arrivalRandom) : firstArrival ? 0.5 : 1;
    firstArrival = false;
    double next = arrivalsCursor.advance(step) - spec.fromSeconds();
    if (next < spec.durationSeconds()) {
      events.scheduleInLane(next, 3, ARRIVAL, 0);
    }
  }

  private void arrive() {
    arrivals++;
    minuteArrivals++;
    arrivalsPerSecond[(int) now]++;
    double service = templateTimes == null ? cluster.serviceTime().sampleSeconds(serviceRandom)
        : templateTimes[perTemplate.templateIndex(templateRandom.nextDouble())].sampleSeconds(serviceRandom);
    int id = route();
    if (id < 0) {
      drop();
    } else if (busy[id] < cluster.workersPerInstance()) {
      changeInSystem(1);
      startService(id, now, service);
    } else if (queueSize[id] < cluster.maxQueueLength()) {
      changeInSystem(1);
      enqueue(id, service);
    } else {
      drop();
    }
    scheduleNextArrival();
  }

  private void drop() {
    dropped++;
    minuteDropped++;
  }

  private int route() {
    if (servingCount == 0) {
      return -1;
    }
    return switch (cluster.loadBalancing()) {
      case ROUND_ROBIN -> serving[nextRoundRobin()];
      case RANDOM -> serving[balancerRandom.nextInt(servingCount)];
      case LEAST_OUTSTANDING -> leastOutstanding();
    };
  }

  private int nextRoundRobin() {
    if (roundRobin >= servingCount) {
      roundRobin = 0;
    }
    return roundRobin++;
  }

  private int leastOutstanding() {
    int best = serving[0];
    for (int i = 1; i < servingCount; i++) {
      int id = serving[i];
      if (busy[id] + queueSize[id] < busy[best] + queueSize[best]) {
        best = id;
      }
    }
    return best;
  }

  private void startService(int id, double arrivedAt, double service) {
    changeBusy(id, 1);
    started++;
    double wait = now - arrivedAt;
    if (wait > 0) {
      waited++;
      waitSum += wait;
    }
    int slot = takeSlot();
    slotArrival[slot] = arrivedAt;
    slotInstance[slot] = id;
    double elapsed = rampFlat ? service : ramp.elapsedSeconds(now - servingSince[id], service);
    double departure = now + elapsed;
    slotTimesOut[slot] = timeouts && departure > arrivedAt + timeoutSeconds;
    if (slotTimesOut[slot]) {
      events.schedule(arrivedAt + timeoutSeconds, 0, SERVICE_TIMEOUT, slot);
    }
    events.schedule(departure, 1, DEPARTURE, slot);
  }

  private void depart(int slot) {
    int id = slotInstance[slot];
    if (!slotTimesOut[slot]) {
      recordLatency(now - slotArrival[slot]);
      completions.completed(slotArrival[slot], now - slotArrival[slot]);
    }
    freeSlots[freeCount++] = slot;
    changeBusy(id, -1);
    changeInSystem(-1);
    if (timeouts) {
      expireQueued(id);
    }
    if (queueSize[id] > 0) {
      int head = queueHead[id];
      double arrivedAt = queueArrival[id][head];
      double service = queueService[id][head];
      queueHead[id] = (head + 1) & (queueArrival[id].length - 1); // capacities are powers of 2
      queueSize[id]--;
      startService(id, arrivedAt, service);
    } else if (state[id] == InstanceState.DRAINING && busy[id] == 0) {
      terminate(id);
    }
  }

  private void recordLatency(double latencySeconds) {
    long micros = Math.max(1, Math.min(HIGHEST_LATENCY_MICROS, Math.round(latencySeconds * 1e6)));
    minuteLatency.record(micros);
    totalLatency.recordValue(micros);
    minuteCompleted++;
    latencySumSeconds += latencySeconds;
    if (latencySeconds > sloSeconds) {
      overSlo++;
      minuteOverSlo++;
    }
  }

  private void enqueue(int id, double service) {
    if (queueArrival[id] == null || queueSize[id] == queueArrival[id].length) {
      growQueue(id);
    }
    int tail = (queueHead[id] + queueSize[id]) & (queueArrival[id].length - 1); // capacities are powers of 2
    queueArrival[id][tail] = now;
    queueService[id][tail] = service;
    queueSize[id]++;
    if (timeouts && !timeoutPending[id]) {
      timeoutPending[id] = true;
      events.schedule(queueArrival[id][queueHead[id]] + timeoutSeconds, 0, QUEUE_TIMEOUT, id);
    }
  }

  /**
   * Handles the pending timeout of an instance's queue: the requests at its head whose clients have
   * given up leave it, and the next timeout is set for the new head. The event may be stale (its
   * request started service in time); then nothing expires and it only moves on.
   */
  private void queueTimeout(int id) {
    timeoutPending[id] = false;
    expireQueued(id);
    if (queueSize[id] > 0) {
      timeoutPending[id] = true;
      events.schedule(queueArrival[id][queueHead[id]] + timeoutSeconds, 0, QUEUE_TIMEOUT, id);
    }
  }

  /** Removes the requests at the head of a queue whose clients have given up by now. */
  private void expireQueued(int id) {
    while (queueSize[id] > 0 && queueArrival[id][queueHead[id]] + timeoutSeconds <= now) {
      queueHead[id] = (queueHead[id] + 1) % queueArrival[id].length;
      queueSize[id]--;
      changeInSystem(-1);
      timeOut();
    }
  }

  private void timeOut() {
    timedOut++;
    minuteTimedOut++;
  }

  private void growQueue(int id) {
    int capacity = queueArrival[id] == null ? 16 : queueArrival[id].length * 2;
    double[] arrivalsCopy = new double[capacity];
    double[] serviceCopy = new double[capacity];
    for (int k = 0; k < queueSize[id]; k++) {
      int from = (queueHead[id] + k) % queueArrival[id].length;
      arrivalsCopy[k] = queueArrival[id][from];
      serviceCopy[k] = queueService[id][from];
    }
    queueArrival[id] = arrivalsCopy;
    queueService[id] = serviceCopy;
    queueHead[id] = 0;
  }

  private int takeSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotCount == slotArrival.length) {
      slotArrival = Arrays.copyOf(slotArrival, slotCount * 2);
      slotInstance = Arrays.copyOf(slotInstance, slotCount * 2);
      slotTimesOut = Arrays.copyOf(slotTimesOut, slotCount * 2);
      freeSlots = Arrays.copyOf(freeSlots, slotCount * 2);
    }
    return slotCount++;
  }

  private void changeBusy(int id, int delta) {
    busyIntegral[id] += busy[id] * (now - lastBusyChange[id]);
    lastBusyChange[id] = now;
    busy[id] += delta;
  }

  private void changeInSystem(int delta) {
    inSystemIntegral += inSystem * (now - lastInSystemChange);
    lastInSystemChange = now;
    inSystem += delta;
  }

  // ---- instance lifecycle

  private void launch(boolean alreadyReady) {
    accrueCounts();
    int id = newInstance();
    startedAt[id] = now;
    provisioned++;
    if (alreadyReady) {
      state[id] = InstanceState.READY;
      readyCount++;
      startServing(id);
      servingSince[id] = now - cluster.warmupSeconds();
      readyAt[id] = now;
    } else {
      state[id] = InstanceState.BOOTING;
      bootingCount++;
      events.schedule(now + cluster.bootSeconds(), 2, BOOTED, id);
    }
  }

  private void booted(int id) {
    if (state[id] != InstanceState.BOOTING) {
      return;
    }
    accrueCounts();
    state[id] = state[id].moveTo(InstanceState.WARMING);
    bootingCount--;
    startServing(id);
    events.schedule(now + cluster.warmupSeconds(), 2, WARMED, id);
  }

  private void warmed(int id) {
    if (state[id] == InstanceState.WARMING) {
      accrueCounts();
      state[id] = state[id].moveTo(InstanceState.READY);
      readyCount++;
      readyAt[id] = now;
    }
  }

  private void startServing(int id) {
    servingSince[id] = now;
    lastBusyChange[id] = now;
    markTime[id] = now;
    markIntegral[id] = 0;
    if (servingCount == serving.length) {
      serving = Arrays.copyOf(serving, servingCount * 2);
    }
    serving[servingCount++] = id;
  }

  private void retire(int id) {
    accrueCounts();
    if (state[id] == InstanceState.BOOTING) {
      terminate(id);
      return;
    }
    if (state[id] == InstanceState.READY) {
      readyCount--;
    }
    state[id] = state[id].moveTo(InstanceState.DRAINING);
    drainingCount++;
    removeServing(id);
    if (busy[id] == 0 && queueSize[id] == 0) {
      terminate(id);
    }
  }

  private void terminate(int id) {
    accrueCounts();
    if (state[id] == InstanceState.BOOTING) {
      bootingCount--;
    } else {
      drainingCount--;
    }
    state[id] = state[id].moveTo(InstanceState.TERMINATED);
    provisioned--;
    if (!billing.isExact()) {
      billedSeconds += billing.billedSeconds(now - startedAt[id]);
    }
    queueArrival[id] = null;
    queueService[id] = null;
  }

  private void removeServing(int id) {
    for (int i = 0; i < servingCount; i++) {
      if (serving[i] == id) {
        System.arraycopy(serving, i + 1, serving, i, servingCount - i - 1);
        servingCount--;
        return;
      }
    }
  }

  private int newInstance() {
    if (instanceCount == state.length) {
      growInstances();
    }
    return instanceCount++;
  }

  private void growInstances() {
    int n = state.length * 2;
    state = Arrays.copyOf(state, n);
    startedAt = Arrays.copyOf(startedAt, n);
    servingSince = Arrays.copyOf(servingSince, n);
    readyAt = Arrays.copyOf(readyAt, n);
    busy = Arrays.copyOf(busy, n);
    busyIntegral = Arrays.copyOf(busyIntegral, n);
    lastBusyChange = Arrays.copyOf(lastBusyChange, n);
    markIntegral = Arrays.copyOf(markIntegral, n);
    markTime = Arrays.copyOf(markTime, n);
    queueArrival = Arrays.copyOf(queueArrival, n);
    queueService = Arrays.copyOf(queueService, n);
    queueHead = Arrays.copyOf(queueHead, n);
    queueSize = Arrays.copyOf(queueSize, n);
    timeoutPending = Arrays.copyOf(timeoutPending, n);
  }

  /** Adds the time since the last change of the instance counts to their integrals. */
  private void accrueCounts() {
    double dt = now - lastCountChange;
    minuteServingIntegral += servingCount * dt;
    minuteProvisionedIntegral += provisioned * dt;
    minuteReadyIntegral += readyCount * dt;
    minuteBootingIntegral += bootingCount * dt;
    minuteDrainingIntegral += drainingCount * dt;
    instanceSeconds += provisioned * dt;
    lastCountChange = now;
  }

  // ---- decisions

  private void decide() {
    decisionPods = samplePods();
    int desired = autoscaler.desiredReplicas(this);
    if (desired < 1) {
      throw new IllegalStateException("the autoscaler asked for " + desired + " replicas; at least 1 is needed");
    }
    if (desired != replicas) {
      actions.add(new ScalingAction(now, replicas, desired));
      resize(desired);
    }
    events.schedule(now + autoscaler.decisionPeriodSeconds(), 5, DECISION, 0);
  }

  private void resize(int desired) {
    while (replicas < desired) {
      launch(false);
      replicas++;
    }
    while (replicas > desired) {
      retire(newestOf(InstanceState.BOOTING) >= 0 ? newestOf(InstanceState.BOOTING) : newestServing());
      replicas--;
    }
  }

  private int newestOf(InstanceState wanted) {
    for (int id = instanceCount - 1; id >= 0; id--) {
      if (state[id] == wanted) {
        return id;
      }
    }
    return -1;
  }

  private int newestServing() {
    int warming = newestOf(InstanceState.WARMING);
    return warming >= 0 ? warming : newestOf(InstanceState.READY);
  }

  @Override
  public double nowSeconds() {
    return now;
  }

  @Override
  public int currentReplicas() {
    return replicas;
  }

  @Override
  public List<PodMetrics> pods() {
    return decisionPods;
  }

  /**
   * Samples every booting and serving instance once per decision, oldest first: each serving one
   * with its utilization over the newest metric period that has ended ({@link #closeMetricPeriod}).
   */
  private List<PodMetrics> samplePods() {
    List<PodMetrics> pods = new ArrayList<>(replicas);
    for (int id = 0; id < instanceCount; id++) {
      InstanceState s = state[id];
      if (s == InstanceState.BOOTING || s.serves()) {
        double utilization = s.serves() && id < periodUtilization.length ? periodUtilization[id] : Double.NaN;
        pods.add(new PodMetrics(s, startedAt[id], s == InstanceState.READY ? readyAt[id] : Double.NaN,
            utilization, Double.isNaN(utilization) ? Double.NaN : lastPeriodEnd - metricWindow.periodSeconds(),
            busy[id] + queueSize[id]));
      }
    }
    return List.copyOf(pods);
  }

  private void scheduleMetricPeriodEnd() {
    double end = metricWindow.firstEndSeconds() + metricPeriods * metricWindow.periodSeconds();
    if (end <= spec.durationSeconds()) {
      events.schedule(end, 4, METRICS, 0);
    }
  }

  /**
   * Ends a period of the autoscaler's {@link MetricWindow}: each serving instance's utilization
   * over it is its mean busy fraction if it served at the period's start, and NaN otherwise (a pod
   * has no metrics-server sample until two scrapes have seen it). Marks the start of the next.
   */
  private void closeMetricPeriod() {
    if (periodUtilization.length < instanceCount) {
      int from = periodUtilization.length;
      periodUtilization = Arrays.copyOf(periodUtilization, state.length);
      Arrays.fill(periodUtilization, from, periodUtilization.length, Double.NaN);
    }
    for (int id = 0; id < instanceCount; id++) {
      if (state[id].serves()) {
        double integral = busyIntegral[id] + busy[id] * (now - lastBusyChange[id]);
        boolean wholePeriod = metricPeriods > 0 && markTime[id] == lastPeriodEnd;
        periodUtilization[id] = wholePeriod
            ? (integral - markIntegral[id]) / (cluster.workersPerInstance() * metricWindow.periodSeconds()) : Double.NaN;
        markIntegral[id] = integral;
        markTime[id] = now;
      }
    }
    lastPeriodEnd = now;
    metricPeriods++;
    scheduleMetricPeriodEnd();
  }

  @Override
  public long arrivalsBetween(double fromSeconds, double toSeconds) {
    if (toSeconds > now || fromSeconds < 0 || toSeconds < fromSeconds) {
      throw new IllegalArgumentException("arrivals can be asked for within [0, now = " + now
          + "], but the range was [" + fromSeconds + ", " + toSeconds + ")");
    }
    if (fromSeconds != Math.rint(fromSeconds) || toSeconds != Math.rint(toSeconds)) {
      throw new IllegalArgumentException("arrivals are counted per whole second, but the range was ["
          + fromSeconds + ", " + toSeconds + ")");
    }
    long sum = 0;
    for (int s = (int) fromSeconds; s < (int) toSeconds; s++) {
      sum += arrivalsPerSecond[s];
    }
    return sum;
  }

  // ---- measurements

  private void closeMinute() {
    accrueCounts();
    int minute = minutes.size();
    double length = now - minute * 60.0;
    if (length <= 0) {
      return;
    }
    minutes.add(new MinuteStats(minute, minuteArrivals, minuteCompleted, minuteDropped, minuteOverSlo,
        minuteMillisAt(50), minuteMillisAt(95), minuteMillisAt(99), minuteMillisAt(spec.slo().percentile()),
        minuteServingIntegral / length, minuteReadyIntegral / length, minuteProvisionedIntegral / length,
        replicas, minuteTimedOut, minuteBootingIntegral / length, (minuteServingIntegral - minuteReadyIntegral) / length,
        minuteDrainingIntegral / length, readyCount));
    progress.reached(now);
    resetMinuteStates();
    minuteLatency.reset();
    minuteArrivals = 0;
    minuteCompleted = 0;
    minuteDropped = 0;
    minuteOverSlo = 0;
    minuteServingIntegral = 0;
    minuteProvisionedIntegral = 0;
    minuteReadyIntegral = 0;
    double next = Math.min(now + 60, spec.durationSeconds());
    if (next > now && now < spec.durationSeconds()) {
      events.schedule(next, 4, MINUTE, 0);
    }
  }

  private void resetMinuteStates() {
    minuteTimedOut = 0;
    minuteBootingIntegral = 0;
    minuteDrainingIntegral = 0;
  }

  /** Returns this minute's latency at a percentile in milliseconds, or NaN when it had none. */
  private double minuteMillisAt(double percentile) {
    return minuteLatency.count() > 0 ? minuteLatency.valueAtPercentile(percentile) / 1000.0 : Double.NaN;
  }

  /** Returns a histogram's latency at a percentile in milliseconds, or NaN when it is empty. */
  private static double millisAt(Histogram micros, double percentile) {
    return micros.getTotalCount() > 0 ? micros.getValueAtPercentile(percentile) / 1000.0 : Double.NaN;
  }

  /** Returns the billed seconds of the instances alive at the end, each billed up to the end. */
  private double billAlive() {
    double sum = 0;
    for (int id = 0; id < instanceCount; id++) {
      if (state[id] != InstanceState.TERMINATED) {
        sum += billing.billedSeconds(spec.durationSeconds() - startedAt[id]);
      }
    }
    return sum;
  }

  private SimulationTotals totals() {
    changeInSystem(0);
    long violating = minutes.stream().filter(m -> m.violates(spec.slo())).count();
    long withTraffic = minutes.stream().filter(MinuteStats::hasTraffic).count();
    int outs = (int) actions.stream().filter(ScalingAction::scaleOut).count();
    double billed = billing.isExact() ? instanceSeconds : billedSeconds + billAlive();
    return new SimulationTotals(arrivals, totalLatency.getTotalCount(), dropped, overSlo,
        totalLatency.getTotalCount() > 0 ? latencySumSeconds * 1000 / totalLatency.getTotalCount() : Double.NaN,
        millisAt(totalLatency, 50), millisAt(totalLatency, 95), millisAt(totalLatency, 99), started,
        started == 0 ? Double.NaN : waitSum / started,
        started == 0 ? 0 : (double) waited / started,
        inSystemIntegral / spec.durationSeconds(),
        violating, withTraffic, instanceSeconds, billed / 3600 * cluster.pricePerHour(),
        outs, actions.size() - outs, timedOut, billed);
  }
}
