package org.semiont.cli.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.ExitCodes;
import org.semiont.ops.retention.BackupPruner;
import org.semiont.ops.retention.PruneResult;
import org.semiont.ops.retention.RecoveryWindow;
import org.semiont.server.util.Json;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.Durations;
import org.semiont.server.config.Environment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont backup prune [--dry-run] [--json]}: applies the recovery window {@code SEMIONT_BACKUP_RETENTION}. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Remove the backups not needed to restore to any moment of the recovery window "
                + "($SEMIONT_BACKUP_RETENTION, default 7d), printing what goes and why.",
                "Exit codes: 0 ok, 1 failure, 2 usage."})
public final class BackupPruneCommand implements Callable<Integer> {
    public static final String ENV = "SEMIONT_BACKUP_RETENTION";

    @Mixin
    TargetOption target;

    @Option(names = "--dry-run", description = "Print what would go, remove nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration window;
        try {
            window = Durations.parse(Environment.system().get(ENV).orElse("7d"), ENV);
        } catch (ConfigException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        if (window.isZero()) {
            throw new CliException(ExitCodes.USAGE, ENV + " must be longer than 0");
        }
        PruneResult r = OpsExits.call(() -> new BackupPruner(target.open(), new RecoveryWindow(window), Clock.systemUTC()).prune(dryRun));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = JsonNodeFactory.instance.objectNode().put("dryRun", dryRun).put("window", window.toString())
                    .put("bytesFreed", r.bytesFreed());
            ArrayNode a = n.putArray("backups");
            r.decisions().forEach(d -> a.addObject().put("id", d.backupId()).put("keep", d.keep()).put("reason", d.reason()));
            n.putPOJO("contentRemoved", r.contentRemoved());
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(n));
            return ExitCodes.OK;
        }
        r.decisions().forEach(d -> out.printf("%s %s: %s%n", d.keep() ? "keep" : (dryRun ? "would remove" : "removed"), d.backupId(), d.reason()));
        out.printf(Locale.ROOT, "%s %d backup(s) and %d content file(s), %.1f MB.%n", dryRun ? "Would remove" : "Removed",
                r.removed().size(), r.contentRemoved().size(), r.bytesFreed() / 1e6);
        return ExitCodes.OK;
    }
}
