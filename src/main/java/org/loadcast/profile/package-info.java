/**
 * Traffic profiles: what arrives, and when.
 *
 * <p>A {@link org.loadcast.profile.TrafficProfile} holds an arrival-rate curve (requests per second
 * against seconds since the profile starts), the request mix and the seed. Profiles are read from
 * YAML ({@code traffic-profiles/*.yaml}) with errors located to {@code file:line:column}, derived from
 * historical rate series and access logs, and compiled into an
 * {@link org.loadcast.profile.ArrivalSchedule}: whole-second arrival counts whose total equals the
 * integral of the rate curve, which is what a Gatling open-model injection can replay exactly.
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
