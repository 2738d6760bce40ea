package org.semiont.cli.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.events.EventsException;
import org.semiont.ops.backup.BackupCreator;
import org.semiont.ops.backup.BackupOptions;
import org.semiont.ops.backup.BackupResult;
import org.semiont.ops.snapshot.ProjectionSnapshotter;
import org.semiont.server.api.StandardProjections;
import org.semiont.server.config.DatabaseTarget;
import org.semiont.server.db.ConnectionPools;
import org.semiont.server.db.DatabaseRuntime;
import org.semiont.server.util.Json;
import org.semiont.server.util.SemiontVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont backup create [--target T] [--full] [--include-secrets] [--json]}. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Take a backup while the server runs: the event log up to the position durable when it begins, the "
                + "content files, a snapshot of the projections at their checkpoint (read from the database of --url or the "
                + "data dir's) and, with --include-secrets, the secrets. After the first, backups are incremental.",
                "Exit codes: 0 ok, 1 failure, 2 usage."})
public final class BackupCreateCommand implements Callable<Integer> {
    @Mixin
    TargetOption target;

    @Mixin
    DatabaseOptions db;

    @Option(names = "--full", description = "A full backup even when an incremental one could be taken.")
    boolean full;

    @Option(names = "--include-secrets", description = "Also back up the data dir's secrets (the JWT secret).")
    boolean secrets;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        java.nio.file.Path dir = db.dataDirOptions().existingDataDir();
        BackupResult r;
        DatabaseRuntime runtime = openDatabase();
        try (EventLog log = EventLog.open(dir, EventLogOptions.defaults().withReadOnly(true))) {
            r = OpsExits.call(() -> new BackupCreator(target.open(), log, dir, Clock.systemUTC(), SemiontVersion.VERSION, snapshotter(runtime))
                    .create(BackupOptions.defaults().withFull(full).withSecrets(secrets)));
        } catch (EventsException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot read the event log in " + dir + ": " + e.getMessage());
        } finally {
            if (runtime != null) {
                runtime.close();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        r.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        if (json) {
            ObjectNode n = BackupJson.summary(r.manifest()).put("why", r.why()).put("bytesWritten", r.bytesWritten())
                    .put("contentCopied", r.contentCopied()).put("millis", r.millis());
            n.putPOJO("removed", r.removed());
            n.put("snapshotNote", r.snapshotNote());
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(n));
        } else {
            r.removed().forEach(id -> out.println("Removed backup " + id + ", which was cut short (it had no manifest)."));
            out.printf(Locale.ROOT, "Backup %s (%s: %s): positions %d..%d, %d content file(s) copied, %.1f MB written in %d ms.%n",
                    r.manifest().id(), r.manifest().type().name().toLowerCase(Locale.ROOT), r.why(), r.manifest().log().firstPosition(),
                    r.manifest().log().lastPosition(), r.contentCopied(), r.bytesWritten() / 1e6, r.millis());
            out.println(Character.toUpperCase(r.snapshotNote().charAt(0)) + r.snapshotNote().substring(1) + ".");
        }
        return ExitCodes.OK;
    }

    /** The database the projections are in; null (the backup goes without a snapshot) when it cannot be reached. */
    private DatabaseRuntime openDatabase() {
        try {
            return db.openRuntime("semiont backup create");
        } catch (CliException e) {
            throw e;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("warning: cannot reach the database, so no projection snapshot: " + e.getMessage());
            return null;
        }
    }

    private static ProjectionSnapshotter snapshotter(DatabaseRuntime runtime) {
        if (runtime == null) {
            return ProjectionSnapshotter.NONE;
        }
        DatabaseTarget t = runtime.target();
        return new ProjectionSnapshotter(() -> ConnectionPools.dedicated(t, "backup create"), StandardProjections.rebuiltTables(),
                Clock.systemUTC());
    }
}
