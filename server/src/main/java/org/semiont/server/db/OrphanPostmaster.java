package org.semiont.server.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster left running on a cluster by a process that was killed (the lock on the data dir
 * proves its owner is gone). It is shut down so the new owner starts from a known state; a
 * {@code postmaster.pid} naming a dead or unrelated process is removed.
 */
final class OrphanPostmaster {
    private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);
    private static final long STOP_WAIT_SECONDS = 15;

    private OrphanPostmaster() {
    }

    static void stopIfRunning(Path cluster) throws IOException {
        Optional<Long> pid = ClusterFiles.postmasterPid(cluster);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !isPostgres(process.get())) {
            log.warn("Removing stale {} (process {} is not a running postgres)", cluster.resolve("postmaster.pid"), pid.get());
            Files.deleteIfExists(cluster.resolve("postmaster.pid"));
            return;
        }
        log.warn("Stopping an embedded PostgreSQL (pid {}) left running by a previous process that ended abruptly", pid.get());
        stop(process.get());
    }

    private static boolean isPostgres(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("postgres") || c.contains("/postgres")).orElse(true);
    }

    /** SIGTERM is PostgreSQL's "smart" shutdown; its clients died with their process, so it ends promptly. */
    private static void stop(ProcessHandle p) throws IOException {
        p.destroy();
        try {
            p.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping postmaster " + p.pid(), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("Postmaster {} did not stop within {} s; killing it (PostgreSQL recovers on the next start)", p.pid(), STOP_WAIT_SECONDS);
            p.destroyForcibly();
            p.onExit().join();
        }
    }
}
