package org.semiont.cli.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.semiont.cli.common.ExitCodes;
import org.semiont.ops.archive.ArchiveCatalog;
import org.semiont.ops.archive.ArchiveReach;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.backup.Verifications;
import org.semiont.ops.target.BackupTarget;
import org.semiont.server.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code semiont backup list [--json]}: the backups with a manifest, oldest first, when each was last verified clean, and
 * the archived segments (with continuous archiving the newest backup restores up to the archive's last shipment).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the backups of a target, oldest first: id, type, time, size, log position, when last verified clean "
                + "and what it restores to (with the archive segments that continue the newest backup).",
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
        BackupTarget t = target.open();
        BackupCatalog catalog = OpsExits.call(() -> BackupCatalog.read(t));
        ArchiveCatalog archive = OpsExits.call(() -> ArchiveCatalog.read(t));
        Optional<ArchiveReach> reach = ArchiveReach.of(catalog, archive);
        Map<String, Optional<Instant>> verifiedAt = new LinkedHashMap<>();
        catalog.all().forEach(m -> verifiedAt.put(m.id(), Verifications.lastClean(t, m.id())));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ArrayNode a = root.putArray("backups");
            catalog.all().forEach(m -> a.add(BackupJson.listed(m, verifiedAt.get(m.id()), reach)));
            ArrayNode segments = root.putArray("segments");
            archive.all().forEach(s -> segments.add(BackupJson.segment(s, reach)));
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return ExitCodes.OK;
        }
        if (catalog.all().isEmpty()) {
            out.println("No backups in this target.");
        }
        out.printf("%-22s %-11s %-20s %10s %12s  %-20s  %s%n", "ID", "TYPE", "FINISHED", "SIZE", "POSITION", "VERIFIED", "RESTORES TO");
        for (Manifest m : catalog.all()) {
            out.printf(Locale.ROOT, "%-22s %-11s %-20s %9.1fM %12d  %-20s  %s%n", m.id(),
                    m.type().name().toLowerCase(Locale.ROOT), m.finishedAt().truncatedTo(ChronoUnit.SECONDS),
                    m.ownBytes() / 1e6, m.log().lastPosition(),
                    verifiedAt.get(m.id()).map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("never"), restoresTo(m, reach));
        }
        reach.ifPresent(r -> out.printf(Locale.ROOT, "Archive after %s: %d segment(s), positions %d to %d, events written %s to %s (%.1fM)%n",
                r.backupId(), r.segments().size(), r.firstPosition(), r.lastPosition(), r.firstTime(), r.lastTime(), r.bytes() / 1e6));
        long others = archive.all().size() - reach.map(r -> r.segments().size()).orElse(0);
        if (others > 0) {
            out.printf("%d other archive segment(s) continue no newest backup ('backup prune' drops those a kept backup holds)%n", others);
        }
        return ExitCodes.OK;
    }

    private static String restoresTo(Manifest m, Optional<ArchiveReach> reach) {
        if (reach.isPresent() && reach.get().backupId().equals(m.id())) {
            return "any point up to " + reach.get().lastTime() + " (position " + reach.get().lastPosition() + ", with the archive)";
        }
        return "any point up to " + (m.log().lastTime() == null ? "the empty log" : m.log().lastTime());
    }
}
