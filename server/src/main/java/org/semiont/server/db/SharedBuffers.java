package org.semiont.server.db;

import java.lang.management.ManagementFactory;

/**
 * Sizes the embedded cluster's {@code shared_buffers} from the machine's memory. PostgreSQL's default of 128 MB is
 * smaller than the annotations table of a busy knowledge base within minutes (about 1.2 kB per row, six indexes):
 * from then on the projector's backend writes out dirty pages itself to make room for every insert. A sixteenth of
 * the memory, between 128 MB and 1 GB, leaves the rest to the JVM, the page cache and the rest of the machine
 * (PostgreSQL's own advice for a dedicated server is a quarter). The memory is only touched as pages are used.
 */
public final class SharedBuffers {
    static final long MIN_MB = 128;
    static final long MAX_MB = 1024;

    private SharedBuffers() {
    }

    /** The setting for a machine (or container) with {@code physicalBytes} of memory, in megabytes. */
    static String forMemory(long physicalBytes) {
        long mb = physicalBytes / 16 / (1024 * 1024);
        return Math.max(MIN_MB, Math.min(MAX_MB, mb)) + "MB";
    }

    /** For this machine; the JVM reports a container's limit where there is one. */
    public static String forThisMachine() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return forMemory(os.getTotalMemorySize());
        }
        return MIN_MB + "MB";
    }
}
