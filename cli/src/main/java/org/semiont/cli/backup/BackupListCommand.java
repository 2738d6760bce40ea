package org.semiont.cli.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.semiont.cli.common.ExitCodes;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.Manifest;
import org.semiont.server.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont backup list [--json]}: the backups with a manifest, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the backups of a target, oldest first: id, type, time, size, log position and what it restores to.",
                "Exit codes: 0 ok, 1 failure, 2 usage."})
public final class BackupListCommand implements Callable<Integer> {
    @Mixin
    TargetOption target;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BackupCatalog catalog = OpsExits.call(() -> BackupCatalog.read(target.open()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            catalog.all().forEach(m -> a.add(BackupJson.summary(m)));
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(JsonNodeFactory.instance.objectNode()
                    .set("backups", a)));
            return ExitCodes.OK;
        }
        if (catalog.all().isEmpty()) {
            out.println("No backups in this target.");
        }
        out.printf("%-22s %-11s %-20s %10s %12s  %s%n", "ID", "TYPE", "FINISHED", "SIZE", "POSITION", "RESTORES TO");
        for (Manifest m : catalog.all()) {
            out.printf(Locale.ROOT, "%-22s %-11s %-20s %9.1fM %12d  any point up to %s%n", m.id(),
                    m.type().name().toLowerCase(Locale.ROOT), m.finishedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    m.ownBytes() / 1e6, m.log().lastPosition(), m.log().lastTime() == null ? "the empty log" : m.log().lastTime());
        }
        return ExitCodes.OK;
    }
}
