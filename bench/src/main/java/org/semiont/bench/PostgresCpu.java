package org.semiont.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by one PostgreSQL cluster (Linux only): the postmaster named in {@code postmaster.pid}, its
 * live children, and the children it has already reaped. Read before and after a phase, it gives the
 * database's share of that phase. Returns -1 where {@code /proc} is not available.
 */
public final class PostgresCpu {
    private static final double TICKS_PER_SECOND = 100.0;
    private final Path dataDir;

    public PostgresCpu(Path clusterDir) {
        this.dataDir = clusterDir;
    }

    /** Seconds of CPU (user + system) used so far by this JVM, for the same before/after reading. */
    public static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** Seconds of CPU (user + system) used so far by the cluster's processes. */
    public double seconds() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    ticks += ticksOf(p, postmaster);
                }
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ticksOf(Path proc, long postmaster) {
        String name = proc.getFileName().toString();
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
            return 0;
        }
        String stat;
        try {
            stat = Files.readString(proc.resolve("stat"));
        } catch (IOException gone) {
            return 0;
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long pid = Long.parseLong(name);
        long ppid = Long.parseLong(f[1]);
        long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (pid == postmaster) {
            return own + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ppid == postmaster ? own : 0;
    }
}
