package org.semiont.cli.backup;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.cli.projections.Maintenance;
import org.semiont.cli.projections.ProgressBar;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.events.VerifyReport;
import org.semiont.events.commit.Syncer;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.restore.LogRestorer;
import org.semiont.ops.restore.RestorePlan;
import org.semiont.ops.restore.RestorePlanner;
import org.semiont.ops.restore.RestorePoint;
import org.semiont.ops.restore.RestoreResult;
import org.semiont.ops.restore.SnapshotChoice;
import org.semiont.ops.restore.TreeSync;
import org.semiont.ops.snapshot.SnapshotRows;
import org.semiont.ops.target.BackupTarget;
import org.semiont.ops.target.Targets;
import org.semiont.server.api.StandardProjections;
import org.semiont.server.datadir.DataDirLock;
import org.semiont.server.document.DocumentFiles;
import org.semiont.server.projection.ProjectionException;
import org.semiont.server.projection.ProjectionMaintenance;
import org.semiont.server.projection.SnapshotLoad;
import org.semiont.server.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code semiont restore --from T [--backup ID] [--to-time ISO | --to-position N] --data-dir D [--url DB]}: the log up
 * to the point, the content it references, then the projections (a snapshot at or before the point and the events after
 * it, else rebuilt from the log); ends with what
 * {@code events verify} and {@code projections check} say.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup into a data dir (and its database): the event log up to exactly the point, the "
                + "content, then the projections: the newest snapshot at or before the point plus the events after it, or "
                + "rebuilt from the log when there is none; ends by verifying the log and checking the projections.",
                "Exit codes: 0 ok, 1 failure, 2 usage, 6 verification failed."})
public final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "T", description = "The backup target (a directory or s3://bucket/prefix).")
    String from;

    @Option(names = "--backup", paramLabel = "ID", description = "Restore this backup (default: the one that reaches the point).")
    String backup;

    @ArgGroup(exclusive = true)
    Point point;

    static final class Point {
        @Option(names = "--to-time", paramLabel = "ISO", description = "Every event stamped at or before this moment (2026-12-06T14:00:00Z).")
        String time;

        @Option(names = "--to-position", paramLabel = "N", description = "Every event up to this global position.")
        Long position;
    }

    @Option(names = "--force", description = "Restore into a data dir or database that holds data: the old event log, content "
            + "and projection files are moved aside (never deleted), the database's projections are replaced.")
    boolean force;

    @Option(names = "--in-place", description = "Restore over the data dir of a stopped server, moving its data aside first.")
    boolean inPlace;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Mixin
    DatabaseOptions db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final List<String> RESTORED = List.of("events", "documents", "projections");

    @Override
    public Integer call() throws Exception {
        RestorePoint at = parsePoint();
        BackupTarget target = OpsExits.call(() -> Targets.parse(from));
        Path dir = db.dataDirOptions().dataDir();
        BackupCatalog catalog = OpsExits.call(() -> BackupCatalog.read(target));
        RestorePlan plan = OpsExits.call(() -> new RestorePlanner(catalog, org.semiont.ops.archive.ArchiveCatalog.read(target)).plan(Optional.ofNullable(backup), at));
        LogRestorer restorer = new LogRestorer(target, catalog);
        OpsExits.call(() -> restorer.verify(plan));
        Optional<Path> aside = clearDestination(dir);
        RestoreResult r = restoreLog(restorer, plan, dir);
        Outcome o = projectAndCheck(target, SnapshotChoice.choose(plan.chain(), r.lastPosition()));
        print(r, o, aside);
        return o.clean() ? ExitCodes.OK : OpsExits.DEFECTS;
    }

    private RestorePoint parsePoint() {
        if (point == null) {
            return new RestorePoint.Latest();
        }
        if (point.position != null) {
            if (point.position < 0) {
                throw new CliException(ExitCodes.USAGE, "--to-position must be 0 or more, got " + point.position);
            }
            return new RestorePoint.Position(point.position);
        }
        try {
            return new RestorePoint.Time(Instant.parse(point.time));
        } catch (DateTimeParseException e) {
            throw new CliException(ExitCodes.USAGE, "--to-time must be an ISO-8601 instant such as 2026-12-06T14:00:00Z, got '"
                    + point.time + "'");
        }
    }

    /** Refuses a data dir holding data unless --force or --in-place; then moves that data aside. */
    private Optional<Path> clearDestination(Path dir) throws IOException {
        List<Path> occupied = RESTORED.stream().map(dir::resolve).filter(RestoreCommand::nonEmpty).toList();
        if (occupied.isEmpty()) {
            return Optional.empty();
        }
        if (!force && !inPlace) {
            throw new CliException(ExitCodes.FAILURE, "the data dir " + dir + " already holds data (" + occupied.get(0).getFileName()
                    + "/); restore into an empty data dir, or pass --in-place (server stopped) to move its data aside");
        }
        Optional<DataDirLock> lock = DataDirLock.tryAcquire(dir, "semiont restore");
        if (lock.isEmpty()) {
            throw new CliException(ExitCodes.FAILURE, "a server is running on " + dir + "; stop it before restoring in place");
        }
        try (DataDirLock held = lock.get()) {
            Path aside = dir.resolve("before-restore-" + Instant.now().toString().replace(':', '-'));
            Files.createDirectories(aside);
            for (Path p : occupied) {
                Files.move(p, aside.resolve(p.getFileName()));
            }
            return Optional.of(aside);
        }
    }

    private static boolean nonEmpty(Path p) {
        if (!Files.isDirectory(p)) {
            return Files.exists(p);
        }
        try (var s = Files.list(p)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    private RestoreResult restoreLog(LogRestorer restorer, RestorePlan plan, Path dir) throws IOException {
        Files.createDirectories(dir);
        PrintWriter err = spec.commandLine().getErr();
        err.println("Restoring the event log from backup " + plan.backup().id() + " up to " + plan.point() + " ...");
        ProgressBar bar = new ProgressBar(err, ProgressBar.stderrLooksLikeTerminal(), plan.maxPosition(), System::nanoTime);
        RestoreResult r;
        // one fsync per append would cost hours on a large log: the whole tree is synced once below
        try (EventLog log = EventLog.open(dir, EventLogOptions.defaults().withSyncer(Syncer.NONE))) {
            r = OpsExits.call(() -> restorer.restore(plan, log, dir, bar::update));
        }
        bar.finish(r.lastPosition());
        for (String sub : List.of("events", "documents", "secrets")) {
            TreeSync.sync(dir.resolve(sub));
        }
        return r;
    }

    /** How the projections came back: {@code source} "snapshot" or "rebuild", and what was decided and why. */
    private record Projected(String source, String note, long millis, Long snapshotPosition, long replayed, long filesMillis) {
    }

    private record Outcome(Projected projected, VerifyReport verify,
                           List<ProjectionMaintenance.Drift> drift, List<DocumentFiles.FileDrift> files, long checkMillis) {
        boolean clean() {
            return verify.clean() && drift.isEmpty() && files.isEmpty();
        }
    }

    private Outcome projectAndCheck(BackupTarget target, SnapshotChoice choice) {
        try (Maintenance m = Maintenance.open(db, "semiont restore")) {
            refuseFilledDatabase(m);
            PrintWriter err = spec.commandLine().getErr();
            String fallback = choice.why();
            if (choice.usable()) {
                SnapshotRows rows = new SnapshotRows(target, choice.snapshot());
                Optional<String> misfit = misfit(rows, m);
                if (misfit.isEmpty()) {
                    return check(m, loadSnapshot(m, choice, rows, err));
                }
                fallback = "the snapshot of backup " + choice.backup().id() + " does not fit this database: " + misfit.get();
            }
            err.println("No projection snapshot to load (" + fallback + "); rebuilding the projections from the restored log ...");
            ProgressBar bar = new ProgressBar(err, ProgressBar.stderrLooksLikeTerminal(), m.maintenance().logPosition(), System::nanoTime);
            ProjectionMaintenance.RebuildResult rebuilt = m.maintenance().rebuild(bar::update);
            bar.finish(rebuilt.events());
            long files = System.nanoTime();
            m.rewriteFiles();
            long filesMillis = (System.nanoTime() - files) / 1_000_000;
            return check(m, new Projected("rebuild", fallback, rebuilt.millis() + filesMillis, null, rebuilt.events(), filesMillis));
        }
    }

    private static Optional<String> misfit(SnapshotRows rows, Maintenance m) {
        try {
            return rows.misfit(m.pool(), StandardProjections.rebuiltTables());
        } catch (SQLException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot read the database's tables: " + e.getMessage());
        }
    }

    /** The snapshot's rows, the events after its position through the projections, then every projection file. */
    private Projected loadSnapshot(Maintenance m, SnapshotChoice choice, SnapshotRows rows, PrintWriter err) {
        long start = System.nanoTime();
        long position = choice.snapshot().position();
        long end = m.maintenance().logPosition();
        err.printf(Locale.ROOT, "Loading the projection snapshot of backup %s (position %d, %.1f MB), then applying the %d event(s) "
                + "after it ...%n", choice.backup().id(), position, choice.snapshot().bytes() / 1e6, end - position);
        ProgressBar bar = new ProgressBar(err, ProgressBar.stderrLooksLikeTerminal(), end, System::nanoTime);
        SnapshotLoad.Result loaded;
        try {
            loaded = m.snapshotLoad().load(position, rows, bar::update);
        } catch (ProjectionException e) {
            throw new CliException(ExitCodes.FAILURE, e.getMessage() + " (the event log has been restored; 'semiont projections "
                    + "rebuild' builds the projections from it)");
        }
        bar.finish(end);
        long files = System.nanoTime();
        m.rewriteFiles();
        long now = System.nanoTime();
        return new Projected("snapshot", choice.why(), (now - start) / 1_000_000, position, loaded.replayed(), (now - files) / 1_000_000);
    }

    private static Outcome check(Maintenance m, Projected p) {
        long start = System.nanoTime();
        VerifyReport verify = m.log().verify(null);
        List<ProjectionMaintenance.Drift> drift = m.maintenance().check();
        List<DocumentFiles.FileDrift> files = m.fileDrift();
        return new Outcome(p, verify, drift, files, (System.nanoTime() - start) / 1_000_000);
    }

    /** An external database that already holds projected rows is replaced only with --force. */
    private void refuseFilledDatabase(Maintenance m) {
        if (force) {
            return;
        }
        try (Connection c = m.pool().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM users)")) {
            if (rs.next() && rs.getBoolean(1)) {
                throw new CliException(ExitCodes.FAILURE, "the database holds projected rows already; pass --force to replace "
                        + "them with the restored log's (the event log has been restored; the restore can be run again)");
            }
        } catch (SQLException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot read the database: " + e.getMessage());
        }
    }

    private void print(RestoreResult r, Outcome o, Optional<Path> aside) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = JsonNodeFactory.instance.objectNode().put("backup", r.backupId()).put("events", r.events())
                    .put("lastPosition", r.lastPosition()).put("lastTime", r.lastTime() == null ? null : r.lastTime().toString())
                    .put("contentFiles", r.contentFiles()).put("secretFiles", r.secretFiles()).put("restoreMillis", r.millis())
                    .put("projections", o.projected().source()).put("projectionsNote", o.projected().note())
                    .put("projectionsMillis", o.projected().millis()).put("snapshotPosition", o.projected().snapshotPosition())
                    .put("replayedEvents", o.projected().replayed()).put("checkMillis", o.checkMillis())
                    .put("projectionFilesMillis", o.projected().filesMillis()).put("movedAside", aside.map(Path::toString).orElse(null))
                    .put("eventsVerify", o.verify().clean() ? "clean" : o.verify().defects().size() + " defect(s)")
                    .put("projectionsCheck", o.drift().isEmpty() && o.files().isEmpty() ? "no drift"
                            : (o.drift().size() + o.files().size()) + " drift(s)");
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(n));
            return;
        }
        aside.ifPresent(p -> out.println("Moved the data dir's old event log, content and projection files to " + p));
        out.printf(Locale.ROOT, "Restored %d events (up to global position %d, %s) and %d content file(s) from backup %s in %d ms; "
                        + "%s in %d ms.%n", r.events(), r.lastPosition(), r.lastTime() == null ? "empty log" : r.lastTime(),
                r.contentFiles(), r.backupId(), r.millis(), o.projected().snapshotPosition() == null
                        ? "projections rebuilt from the log (" + o.projected().note() + ")"
                        : "projections loaded from " + o.projected().note() + " and " + o.projected().replayed() + " later event(s) applied",
                o.projected().millis());
        out.println("events verify: " + (o.verify().clean() ? "clean" : o.verify().defects().size() + " defect(s)"));
        o.verify().defects().stream().limit(20).forEach(d -> out.println("  " + d));
        out.println("projections check: " + (o.drift().isEmpty() && o.files().isEmpty() ? "no drift" : "drift"));
        o.drift().forEach(d -> out.println("  drift in " + d.table() + ": " + d.differingKeys()));
        o.files().stream().limit(20).forEach(f -> out.println("  " + f.file() + " " + f.problem()));
    }
}
