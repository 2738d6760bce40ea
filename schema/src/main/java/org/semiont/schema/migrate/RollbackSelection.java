package org.semiont.schema.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.semiont.schema.SchemaError;
import org.semiont.schema.SchemaException;

/**
 * Which applied migrations a rollback undoes: the last one, or with {@code --to NAME} every one after NAME (NAME stays).
 * Pure: no I/O.
 *
 * @param kept     applied migrations that stay, in order
 * @param undone   the migrations to roll back, in the order they were applied (their down.sql run in reverse)
 */
record RollbackSelection(List<LocalMigration> kept, List<LocalMigration> undone) {
    RollbackSelection {
        kept = List.copyOf(kept);
        undone = List.copyOf(undone);
    }

    static RollbackSelection of(List<LocalMigration> local, MigrationStatus status, Optional<String> to) {
        if (!status.failed().isEmpty() || !status.modified().isEmpty() || !status.missingLocally().isEmpty()) {
            throw new SchemaException(SchemaError.MIGRATION_STATE, "Cannot roll back while the history disagrees with the"
                    + " migrations directory (failed: " + status.failed() + ", changed: " + status.modified() + ", missing: "
                    + status.missingLocally() + "). Run 'semiont migrate status' and resolve them first.");
        }
        List<LocalMigration> applied = local.stream().filter(m -> status.applied().contains(m.name())).toList();
        int keep = applied.size() - (applied.isEmpty() ? 0 : 1);
        if (to.isPresent()) {
            keep = indexOf(applied, to.get()) + 1;
            if (keep == 0) {
                throw new SchemaException(SchemaError.MIGRATION_INVALID, "--to " + to.get() + " is not an applied migration."
                        + " Applied: " + status.applied());
            }
        }
        List<LocalMigration> undone = new ArrayList<>(applied.subList(keep, applied.size()));
        List<String> noDown = undone.stream().filter(m -> m.down().isEmpty()).map(LocalMigration::name).toList();
        if (!noDown.isEmpty()) {
            throw new SchemaException(SchemaError.MIGRATION_INVALID, "No " + MigrationsFolder.DOWN_FILE + " for " + noDown
                    + ": these cannot be rolled back. Write one next to migration.sql (semiont migrate dev writes it).");
        }
        return new RollbackSelection(applied.subList(0, keep), undone);
    }

    private static int indexOf(List<LocalMigration> applied, String name) {
        for (int i = 0; i < applied.size(); i++) {
            if (applied.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
