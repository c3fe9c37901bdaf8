package org.loadcast.hotspot;

/**
 * One JVM method's row in a hot-method ranking.
 *
 * @param method the method, as {@code fully.qualified.Type.name} (overloads are merged)
 * @param samples the execution samples counted for it, {@code >= 1}
 * @param sharePercent {@code samples} over all samples kept, in [0, 100]
 */
public record MethodHotspot(String method, long samples, double sharePercent) {}
