package org.semiont.schema.migrate;

import java.time.Instant;
import java.util.Objects;

/** One row of {@code _prisma_migrations}. {@code finishedAt} and {@code rolledBackAt} may be null. */
public record HistoryRow(String id, String checksum, Instant finishedAt, String migrationName, String logs,
                         Instant rolledBackAt, Instant startedAt, int appliedStepsCount) {
    public HistoryRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(migrationName, "migrationName");
    }

    /** Finished and not rolled back. */
    public boolean applied() {
        return finishedAt != null && rolledBackAt == null;
    }

    /** Started, never finished, not rolled back: it failed (or is running). */
    public boolean failed() {
        return finishedAt == null && rolledBackAt == null;
    }
}
