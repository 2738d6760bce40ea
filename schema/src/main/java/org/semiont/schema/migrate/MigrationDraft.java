package org.semiont.schema.migrate;

import java.util.List;
import org.semiont.schema.check.Finding;

/**
 * The next migration: what {@code migrate dev} writes and {@code migrate diff} prints.
 *
 * @param up       migration.sql
 * @param down     down.sql, which undoes it
 * @param changes  one readable line per step
 * @param warnings what could lose data or fail on existing rows, worded for unknown data (the files are written anyway;
 *                 {@code migrate deploy} runs them as written)
 */
public record MigrationDraft(String up, String down, List<String> changes, List<Finding> warnings) {
    public MigrationDraft {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
