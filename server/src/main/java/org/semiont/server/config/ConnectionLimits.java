package org.semiont.server.config;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How many client connections the HTTP server holds at once ({@code SEMIONT_MAX_CONNECTIONS}), and how many of them
 * may be event streams. Every connection is a file descriptor: without a bound, clients holding connections open (SSE
 * streams, say) used up the process's descriptors until the event log could not open a stream file and stopped. The
 * default leaves {@link #RESERVED_DESCRIPTORS} of the process limit ({@code ulimit -n}) to files and the database.
 * Beyond the limit the server stops accepting until a connection closes; beyond the stream limits a new stream is
 * refused, so event streams never take more than half of the connections.
 */
public record ConnectionLimits(int maxConnections, int maxEventStreams, int maxEventStreamsPerUser) {
    public static final String VARIABLE = "SEMIONT_MAX_CONNECTIONS";
    /** Stream files kept open (256), PostgreSQL connections, the WAL, jars, logs, content reads. */
    static final int RESERVED_DESCRIPTORS = 512;
    static final int DEFAULT_CAP = 10_000;
    static final int MIN_CONNECTIONS = 16;
    /** A browser opens one stream per document view; more than this from one user is a leak or an attack. */
    static final int STREAMS_PER_USER = 32;

    public ConnectionLimits {
        if (maxConnections < 2 || maxEventStreams < 1 || maxEventStreamsPerUser < 1) {
            throw new ConfigException(VARIABLE + " must be at least 2, got " + maxConnections + ".");
        }
    }

    public static ConnectionLimits from(Environment env, long maxDescriptors) {
        int max = env.get(VARIABLE).map(v -> PoolSettings.parseInt(v, VARIABLE)).orElse(defaultFor(maxDescriptors));
        int streams = Math.max(1, max / 2);
        return new ConnectionLimits(max, streams, Math.min(STREAMS_PER_USER, streams));
    }

    static int defaultFor(long maxDescriptors) {
        if (maxDescriptors <= 0) {
            return DEFAULT_CAP;
        }
        return (int) Math.max(MIN_CONNECTIONS, Math.min(DEFAULT_CAP, maxDescriptors - RESERVED_DESCRIPTORS));
    }

    /** Whether this many connections fit in the descriptor limit next to the reserve (false: raise {@code ulimit -n}). */
    public boolean fits(long maxDescriptors) {
        return maxDescriptors <= 0 || maxConnections + RESERVED_DESCRIPTORS <= maxDescriptors;
    }

    /** The process's limit on open file descriptors, or -1 where the JVM cannot tell. */
    public static long processDescriptorLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
    }
}
