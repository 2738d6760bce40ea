package org.semiont.cli.backup;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.ExitCodes;
import org.semiont.ops.OpsException;
import org.semiont.ops.archive.ArchiveSettings;
import org.semiont.ops.archive.LogArchiver;
import org.semiont.ops.backup.BackupCreator;
import org.semiont.ops.backup.BackupGauges;
import org.semiont.ops.retention.BackupPruner;
import org.semiont.ops.snapshot.ProjectionSnapshotter;
import org.semiont.server.api.StandardProjections;
import org.semiont.server.db.ConnectionPools;
import org.semiont.ops.retention.RecoveryWindow;
import org.semiont.ops.schedule.CronSchedule;
import org.semiont.ops.schedule.ScheduleSetting;
import org.semiont.ops.schedule.ScheduledBackups;
import org.semiont.ops.target.BackupTarget;
import org.semiont.ops.target.Targets;
import org.semiont.server.ServerApp;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.Durations;
import org.semiont.server.config.Environment;
import org.semiont.server.util.SemiontVersion;

/**
 * What {@code semiont start} does about backups when {@code SEMIONT_BACKUP_TARGET} is set: the backup series read the
 * target's manifests, {@code SEMIONT_BACKUP_SCHEDULE} runs backups and prunes in the server, and
 * {@code SEMIONT_BACKUP_ARCHIVE=on} ships committed events to the target continuously. Settings are read
 * before the server starts, so a bad one stops the start with exit 2.
 */
public final class ServerBackups implements AutoCloseable {
    private final List<AutoCloseable> running = new ArrayList<>();

    /** The backup settings of {@code semiont start}; no target means none of it. */
    public record Settings(Optional<String> target, Optional<CronSchedule> schedule, Duration retention, ArchiveSettings archive) {
    }

    public static Settings settings(Environment env) {
        try {
            Optional<String> target = env.get(TargetOption.ENV);
            Optional<CronSchedule> schedule = ScheduleSetting.parse(env.get(ScheduleSetting.ENV));
            Duration retention = Durations.parse(env.get(BackupPruneCommand.ENV).orElse("7d"), BackupPruneCommand.ENV);
            if (retention.isZero()) {
                throw new CliException(ExitCodes.USAGE, BackupPruneCommand.ENV + " must be longer than 0");
            }
            return new Settings(target, schedule, retention, ArchiveSettings.from(env::get));
        } catch (OpsException e) {
            throw OpsExits.failure(e);
        } catch (ConfigException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    /** Starts what the settings ask for on a running server; problems with the target are printed, not fatal. */
    public static ServerBackups start(ServerApp app, Settings s, PrintStream err) {
        ServerBackups b = new ServerBackups();
        if (s.target().isEmpty()) {
            if (s.archive().on()) {
                err.println(ArchiveSettings.ENV + "=on is ignored: set " + TargetOption.ENV + " to archive the event log");
            }
            return b;
        }
        BackupTarget target;
        try {
            target = Targets.parse(s.target().get());
        } catch (OpsException e) {
            err.println("Backups are off: " + e.getMessage());
            return b;
        }
        Clock clock = Clock.systemUTC();
        LogArchiver archiver = null;
        if (s.archive().on()) {
            archiver = new LogArchiver(target, app.api().events(), app.config().dataDir(), s.archive().interval(), clock);
            archiver.start();
            b.running.add(archiver);
            LogArchiver shipping = archiver;
            b.running.add(app.healthDetails().register("backupArchive", () -> archiveHealth(shipping)));
        }
        LogArchiver a = archiver;
        app.metrics().backups().register(a == null ? new BackupGauges(target, clock) : new BackupGauges(target, clock, a::lagSeconds));
        s.schedule().ifPresent(cron -> {
            ScheduledBackups scheduled = new ScheduledBackups(target, cron,
                    new BackupCreator(target, app.api().events(), app.config().dataDir(), clock, SemiontVersion.VERSION,
                            new ProjectionSnapshotter(() -> ConnectionPools.dedicated(app.databaseTarget(), "scheduled backup"),
                                    StandardProjections.rebuiltTables(), clock)),
                    new BackupPruner(target, new RecoveryWindow(s.retention()), clock), clock);
            scheduled.start();
            b.running.add(scheduled);
        });
        return b;
    }

    /**
     * The {@code backupArchive} section of {@code /api/health}: the archiver's lag (seconds since the oldest event not yet
     * shipped committed; null before its first look at the target) and the last position shipped, both from memory.
     */
    static Map<String, Object> archiveHealth(LogArchiver a) {
        Map<String, Object> m = new LinkedHashMap<>();
        double lag = a.lagSeconds();
        m.put("status", "on");
        m.put("lagSeconds", Double.isNaN(lag) ? null : lag);
        m.put("archivedPosition", a.archivedPosition() < 0 ? null : a.archivedPosition());
        return m;
    }

    @Override
    public void close() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }
}
