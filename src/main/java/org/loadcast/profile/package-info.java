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
 * <p>A {@link org.loadcast.profile.RateModel} describes the rate by a few parameters instead (base
 * rate, daily and weekly shapes in local time, trend, bursts, log-normal noise) and materializes into a
 * rate curve; {@link org.loadcast.profile.RateModelFit} decomposes a measured count series into one.
 *
 * <p>The mix is either weighted (each arrival is one request, drawn by weight) or session-based:
 * a {@link org.loadcast.profile.SessionModel} is an absorbing Markov chain over request templates
 * with a think time on each transition (after WESSBAS), each arrival of the rate curve is then a
 * session, which {@link org.loadcast.profile.SessionWalker} draws from a named random stream. The
 * chain's fundamental matrix gives the expected requests per session, which converts a request rate
 * to a session rate. {@link org.loadcast.profile.TemplateCounter} and
 * {@link org.loadcast.profile.SessionExtractor} estimate such a model from an access log in two
 * streaming passes, accounting for every request that does not become a state. Templates may carry
 * headers, a body and {@code {name}} placeholders filled from a CSV feeder.
 *
 * <p>Stretches of the source data that were not observed (a server outage, the end of a log) are
 * kept as <em>missing</em> ranges, never as zero load.
 *
 * <p>Historical inputs are read by {@link org.loadcast.profile.TrafficSources#readSeries} from a
 * stream, in one pass and in memory bounded by the span in steps, into a
 * {@link org.loadcast.profile.TrafficSeries} (requests per step, and which steps are missing) with its
 * {@link org.loadcast.profile.DataQuality}; an access log's parsed requests go to a consumer during
 * the same pass. The formats are the sealed {@link org.loadcast.profile.TrafficFormat}.
 *
 * <p>This package depends on nothing else in Loadcast and does no file I/O except through the
 * explicit readers that take a {@link java.nio.file.Path}; the command line opens the files.
 */
package org.loadcast.profile;
