package org.semiont.ops.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.BackupCreator;
import org.semiont.ops.backup.BackupOptions;
import org.semiont.ops.backup.BackupResult;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.retention.BackupPruner;
import org.semiont.ops.retention.PruneResult;
import org.semiont.ops.target.BackupTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups on a {@link CronSchedule} inside the server: a backup (incremental after the first) and then a prune, one at
 * a time through the target's lock, so a {@code semiont backup create} from cron at the same moment is refused rather
 * than interleaved. A run is due when the first scheduled moment after the newest backup (or after the last attempt)
 * has passed, so a run missed while the server was down happens at its next start.
 */
public final class ScheduledBackups implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);
    private static final Duration LONGEST_NAP = Duration.ofMinutes(1);

    private final BackupTarget target;
    private final CronSchedule cron;
    private final BackupCreator creator;
    private final BackupPruner pruner;
    private final Clock clock;
    private final Object threadLock = new Object();
    private Instant lastAttempt;
    private Thread thread;

    public ScheduledBackups(BackupTarget target, CronSchedule cron, BackupCreator creator, BackupPruner pruner, Clock clock) {
        this.target = target;
        this.cron = cron;
        this.creator = creator;
        this.pruner = pruner;
        this.clock = clock;
    }

    /** What one run did: the backup (absent when it failed), the prune (absent when it failed or did not run), why not. */
    public record Run(Optional<BackupResult> backup, Optional<PruneResult> prune, Optional<String> failure) {
    }

    /** Runs a backup and a prune now if one is due; empty if not. */
    public synchronized Optional<Run> runIfDue() {
        Instant now = clock.instant();
        Optional<Instant> due = dueSince(now);
        if (due.isEmpty() || due.get().isAfter(now)) {
            return Optional.empty();
        }
        lastAttempt = now;
        return Optional.of(run(due.get()));
    }

    private Optional<Instant> dueSince(Instant now) {
        Instant newest;
        try {
            newest = BackupCatalog.read(target).newest().map(Manifest::finishedAt).orElse(null);
        } catch (RuntimeException e) {
            newest = null; // an unreadable target: the attempt reports why
        }
        Instant from = latest(newest, lastAttempt);
        return from == null ? Optional.of(now) : cron.next(from);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private Run run(Instant dueAt) {
        BackupResult b;
        try {
            b = creator.create(BackupOptions.defaults());
        } catch (OpsException e) {
            String why = e.error() == OpsError.TARGET_LOCKED ? "skipped: " + e.getMessage() : e.getMessage();
            LOG.error("Scheduled backup ({} due {}) to {} failed: {}", cron, dueAt, target.describe(), why);
            return new Run(Optional.empty(), Optional.empty(), Optional.of(why));
        }
        Manifest m = b.manifest();
        LOG.info(String.format(Locale.ROOT, "Scheduled backup %s (%s) to %s: positions %d..%d, %.1f MB in %d ms",
                m.id(), m.type().name().toLowerCase(Locale.ROOT), target.describe(), m.log().firstPosition(),
                m.log().lastPosition(), b.bytesWritten() / 1e6, b.millis()));
        b.warnings().forEach(w -> LOG.warn("Scheduled backup {}: {}", m.id(), w));
        try {
            PruneResult p = pruner.prune(false);
            p.removed().forEach(d -> LOG.info("Pruned backup {}: {}", d.backupId(), d.reason()));
            return new Run(Optional.of(b), Optional.of(p), Optional.empty());
        } catch (OpsException e) {
            LOG.error("Prune after scheduled backup {} failed: {}", m.id(), e.getMessage());
            return new Run(Optional.of(b), Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    /** Starts the schedule on a daemon thread; the first check is at once (a missed run happens now). */
    public void start() {
        synchronized (threadLock) {
            if (thread != null) {
                return;
            }
            thread = new Thread(this::loop, "semiont-backup-schedule");
            thread.setDaemon(true);
            thread.start();
        }
        LOG.info("Backups to {} on schedule '{}' (UTC); next at {}", target.describe(), cron,
                cron.next(clock.instant()).map(Instant::toString).orElse("never"));
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                runIfDue();
            } catch (RuntimeException e) {
                LOG.error("Scheduled backup to {} failed", target.describe(), e);
            }
            Instant now = clock.instant();
            Instant next = cron.next(now).orElse(now.plus(LONGEST_NAP));
            Duration nap = Duration.between(now, next);
            try {
                // short naps: a changed wall clock or a suspended machine is noticed within a minute
                Thread.sleep(Math.max(1, Math.min(nap.toMillis(), LONGEST_NAP.toMillis())));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        Thread t;
        synchronized (threadLock) {
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.interrupt();
            t.join(Duration.ofMinutes(1).toMillis());
        }
    }
}
