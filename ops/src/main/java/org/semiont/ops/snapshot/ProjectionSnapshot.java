package org.semiont.ops.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * The projected tables of a backup, read in one REPEATABLE READ transaction together with the projection checkpoint:
 * their rows are exactly what the projector made of the log up to {@code position}, by projection rules
 * {@code rulesVersion}, for the log {@code logId}.
 */
public record ProjectionSnapshot(long position, String logId, int rulesVersion, Instant takenAt, List<Table> tables) {
    public ProjectionSnapshot {
        tables = List.copyOf(tables == null ? List.of() : tables);
    }

    public long bytes() {
        return tables.stream().mapToLong(Table::size).sum();
    }

    /**
     * One table's {@code rows} as {@code COPY … TO STDOUT (FORMAT binary)} wrote them into the file {@code key} of the target,
     * with the columns ({@code name type}, in order) they were written for: a restore loads them only into a table
     * with the same columns.
     */
    public record Table(String table, List<String> columns, long rows, String key, long size, String sha256) {
        public Table {
            columns = List.copyOf(columns == null ? List.of() : columns);
        }
    }
}
