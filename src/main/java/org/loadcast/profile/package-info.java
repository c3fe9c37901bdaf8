/**
 * Traffic profiles: what arrives, and when.
 *
 * <p>A {@link org.loadcast.profile.TrafficProfile} holds an arrival-rate curve (requests per second
 * against seconds since the profile starts), the request mix and the seed. Profiles are read from
 * YAML ({@code traffic-profiles/*.yaml}) with errors located to {@code file:line:column}, derived from
 * historical rate series and access logs, and compiled by
 * {@link org.loadcast.profile.ScheduleCompiler} into an {@link org.loadcast.profile.ArrivalSchedule}:
 * whole-second arrival counts, deterministic (the rounded cumulative integral of the rate curve) or
 * Poisson (seeded draws at the scaled rate), which is what a Gatling open-model injection can replay
 * exactly.
 *
 * <p>Stretches of the source data that were not observed (a server outage, the end of a log) are
 * kept as <em>missing</em> ranges, never as zero load.
 *
 * <p>This package depends on nothing else in Loadcast and does no file I/O except through the
 * explicit readers that take a {@link java.nio.file.Path}.
 */
package org.loadcast.profile;
