package org.semiont.cli.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.ExitCodes;
import org.semiont.ops.archive.ArchiveCatalog;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.BackupVerifier;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.backup.Verifications;
import org.semiont.ops.backup.VerifyOutcome;
import org.semiont.ops.target.BackupTarget;
import org.semiont.server.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code semiont backup verify [ID|--all] [--json]}: checksums, the log's hash chains, manifest consistency. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a backup (default: the newest) and the backups it depends on, or --all: every file's SHA-256, "
                + "the backed-up log's hash chains, the manifest's consistency; with the newest backup, the archive segments "
                + "that continue it (files and chains; --all: every segment's files). A clean backup's verification time is "
                + "recorded next to its manifest ('backup list' shows it).",
                "Exit codes: 0 clean, 6 defects (each named), 1 failure, 2 usage."})
public final class BackupVerifyCommand implements Callable<Integer> {
    @Mixin
    TargetOption target;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "The backup to verify (default: the newest).")
    String id;

    @Option(names = "--all", description = "Verify every backup in the target.")
    boolean all;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (all && id != null) {
            throw new CliException(ExitCodes.USAGE, "give a backup ID or --all, not both");
        }
        BackupTarget t = target.open();
        BackupCatalog catalog = OpsExits.call(() -> BackupCatalog.read(t));
        List<Manifest> which = all ? catalog.all() : id != null ? List.of(OpsExits.call(() -> catalog.require(id)))
                : catalog.newest().map(List::of).orElse(List.of());
        if (which.isEmpty() && catalog.unreadable().isEmpty()) {
            throw new CliException(ExitCodes.FAILURE, "the target " + t.describe() + " holds no backup to verify");
        }
        ArchiveCatalog archive = OpsExits.call(() -> ArchiveCatalog.read(t));
        VerifyOutcome v = new BackupVerifier(t, catalog).verify(which, archive, all);
        PrintWriter out = spec.commandLine().getOut();
        List<String> recorded = recordClean(t, catalog, v);
        if (json) {
            ObjectNode n = JsonNodeFactory.instance.objectNode().put("clean", v.clean()).put("events", v.events())
                    .put("bytes", v.bytes()).put("millis", v.millis());
            n.putPOJO("verified", v.verified());
            n.putPOJO("segments", v.segments());
            n.putPOJO("recordedClean", recorded);
            ArrayNode d = n.putArray("defects");
            v.defects().forEach(x -> d.addObject().put("backup", x.backupId()).put("file", x.file()).put("kind", x.kind().name())
                    .put("detail", x.detail()));
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(n));
        } else {
            v.defects().forEach(x -> out.println("DEFECT " + x));
            out.printf(Locale.ROOT, "verified %d backup(s) (%s)%s, %d events, %.1f MB in %d ms (%.0f events/s): %s%n",
                    v.verified().size(), String.join(", ", v.verified()),
                    v.segments().isEmpty() ? "" : " and " + v.segments().size() + " archive segment(s)", v.events(), v.bytes() / 1e6,
                    v.millis(), v.millis() == 0 ? 0.0 : v.events() * 1000.0 / v.millis(), v.clean() ? "clean" : v.defects().size() + " defect(s)");
        }
        return v.clean() ? ExitCodes.OK : OpsExits.DEFECTS;
    }

    /** Notes when each backup verified clean ({@code backup list} shows it); a target that refuses the note is only warned about. */
    private List<String> recordClean(BackupTarget t, BackupCatalog catalog, VerifyOutcome v) {
        try {
            return Verifications.record(t, catalog, v, Instant.now());
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("warning: could not record the verification in " + t.describe() + ": " + e.getMessage());
            return List.of();
        }
    }
}
