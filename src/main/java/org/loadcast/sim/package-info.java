/**
 * A discrete-event simulator of a horizontally scaled service.
 *
 * <p>Requests arrive as a non-homogeneous Poisson process whose intensity is a rate curve; a load
 * balancer routes each to a ready instance; each instance has a fixed number of workers and a FIFO
 * queue. Instances are requested by an {@link org.loadcast.sim.Autoscaler}, boot for a provisioning
 * lead time, serve (slower while they warm up, {@link org.loadcast.sim.WarmupRamp}), and drain their
 * queue before they terminate. Clients may give up after a request timeout. Service times are
 * parametric, empirical (from a measured HdrHistogram) or per request template ({@link
 * org.loadcast.sim.ServiceTime}); instance lifetimes are billed by {@link org.loadcast.sim.Billing}.
 *
 * <p>Simulation time is {@code double} seconds since the run began. Events are ordered by time, then
 * priority, then insertion order. Every source of randomness draws from its own stream derived from
 * {@code (seed, name)}, so changing the scaling policy never changes the arrivals or the service
 * times (common random numbers).
 *
 * <p>{@link org.loadcast.sim.ElasticityMetrics} scores a run's supply against the demanded
 * instances with the SPEC RG elasticity metrics.
 *
 * <p>This package is pure: no I/O, no clock. Mutable state lives only inside one running
 * simulation.
 */
package org.loadcast.sim;
