package org.semiont.schema.migrate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The migrations directory against the history table. Pure: no I/O.
 *
 * @param applied        applied migrations, in the directory's order
 * @param pending        migrations of the directory never applied (or rolled back), in order
 * @param failed         migrations whose last attempt failed and was not resolved
 * @param modified       applied migrations whose migration.sql changed since (checksum mismatch)
 * @param missingLocally applied migrations with no folder in the directory
 */
public record MigrationStatus(List<String> applied, List<String> pending, List<String> failed, List<String> modified,
                              List<String> missingLocally) {
    public MigrationStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
        modified = List.copyOf(modified);
        missingLocally = List.copyOf(missingLocally);
    }

    public static MigrationStatus of(List<LocalMigration> local, List<HistoryRow> history) {
        Map<String, LocalMigration> byName = local.stream().collect(Collectors.toMap(LocalMigration::name, Function.identity()));
        Set<String> failed = new LinkedHashSet<>();
        Set<String> appliedNames = new LinkedHashSet<>();
        List<String> modified = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (HistoryRow row : history) {
            if (row.failed()) {
                failed.add(row.migrationName());
            } else if (row.applied() && appliedNames.add(row.migrationName())) {
                LocalMigration mine = byName.get(row.migrationName());
                if (mine == null) {
                    missing.add(row.migrationName());
                } else if (!mine.checksum().equalsIgnoreCase(row.checksum())) {
                    modified.add(row.migrationName());
                }
            }
        }
        failed.removeAll(appliedNames);
        List<String> applied = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (LocalMigration m : local) {
            if (appliedNames.contains(m.name())) {
                applied.add(m.name());
            } else if (!failed.contains(m.name())) {
                pending.add(m.name());
            }
        }
        return new MigrationStatus(applied, pending, new ArrayList<>(failed), modified, missing);
    }

    /** Nothing pending, failed, changed or missing. */
    public boolean upToDate() {
        return pending.isEmpty() && !drifted();
    }

    /** The history disagrees with the directory: a failed, changed or missing migration. */
    public boolean drifted() {
        return !failed.isEmpty() || !modified.isEmpty() || !missingLocally.isEmpty();
    }
}
