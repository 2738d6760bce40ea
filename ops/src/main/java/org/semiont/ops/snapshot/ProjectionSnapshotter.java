package org.semiont.ops.snapshot;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.semiont.events.chain.Sha256;
import org.semiont.ops.target.BackupTarget;
import org.semiont.server.projection.ProjectionRules;
import org.semiont.server.projection.Projector;

/**
 * Writes the projected tables into a backup, each with {@code COPY … TO STDOUT (FORMAT binary)} (the load then parses
 * no numbers, timestamps or arrays; a restore loads it only into columns of the same types), all read in one REPEATABLE READ,
 * read-only transaction whose first statement reads the projection checkpoint: every row is then exactly what the
 * projector made of the log up to the checkpoint's position (the projector advances the checkpoint in the transaction
 * that writes the rows). Nothing waits for it: writers and the projector go on under their own snapshots.
 * A snapshot that would not be exactly that is not taken, with the reason: no checkpoint, the rows follow another
 * log or older projection rules.
 */
public final class ProjectionSnapshotter {
    /** No database to read (tests, a backup of a log alone): every backup goes without a snapshot. */
    public static final ProjectionSnapshotter NONE = new ProjectionSnapshotter(null, List.of(), Clock.systemUTC());

    /** Opens the connection the snapshot is read on (closed after it). */
    public interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector pool;
    private final List<String> tables;
    private final Clock clock;

    /** @param tables the tables a rebuild refills ({@code StandardProjections.rebuiltTables()}) */
    public ProjectionSnapshotter(Connector pool, java.util.Collection<String> tables, Clock clock) {
        this.pool = pool;
        this.tables = tables.stream().sorted().toList();
        this.clock = clock;
    }

    public boolean enabled() {
        return pool != null;
    }

    /** A snapshot taken, or why none was. */
    public record Outcome(ProjectionSnapshot snapshot, String skipped) {
        static Outcome skipped(String why) {
            return new Outcome(null, why);
        }
    }

    /**
     * Writes the tables under {@code dir}{@code projections/} of the target. {@code logId} is the backed-up log's. The
     * caller compares the snapshot's position with the log's durable end read afterwards (never behind it).
     */
    public Outcome take(BackupTarget target, String dir, String logId) throws IOException {
        if (pool == null) {
            return Outcome.skipped("no database to read the projections from");
        }
        List<String> written = new ArrayList<>();
        try (Connection c = pool.open()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return inTransaction(c, target, dir, logId, written);
            } finally {
                c.rollback();
                c.setReadOnly(false);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            for (String key : written) {
                target.delete(key);
            }
            return Outcome.skipped("reading the projections failed: " + e.getMessage());
        }
    }

    private Outcome inTransaction(Connection c, BackupTarget target, String dir, String logId, List<String> written)
            throws SQLException, IOException {
        long position;
        String rowsLogId;
        int rules;
        // the first statement takes the transaction's snapshot: the checkpoint and every table are read in it
        try (PreparedStatement ps = c.prepareStatement("SELECT position, \"logId\", \"rulesVersion\" FROM projection_checkpoints WHERE name = ?")) {
            ps.setString(1, Projector.NAME);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Outcome.skipped("the projections have no checkpoint yet (the server has not projected this log)");
                }
                position = rs.getLong(1);
                rowsLogId = rs.getString(2);
                rules = rs.getInt(3);
                if (rs.wasNull()) {
                    rules = -1;
                }
            }
        }
        if (position <= 0) {
            return Outcome.skipped("the projections are at position 0: there is nothing a snapshot would save");
        }
        if (!Objects.equals(rowsLogId, logId)) {
            return Outcome.skipped("the database's projections follow another event log (" + rowsLogId + ", this log is " + logId + ")");
        }
        if (rules != ProjectionRules.VERSION) {
            return Outcome.skipped("the projections were written by projection rules " + rules + ", not today's "
                    + ProjectionRules.VERSION + " (the next start rebuilds them)");
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL statement_timeout = 0");
        }
        List<ProjectionSnapshot.Table> out = new ArrayList<>();
        for (String table : tables) {
            List<String> columns = TableColumns.of(c, table);
            if (columns.isEmpty()) {
                return Outcome.skipped("the database has no table " + table);
            }
            String key = dir + "projections/" + table + ".copy";
            written.add(key);
            out.add(copyOut(c, table, columns, target, key));
        }
        return new Outcome(new ProjectionSnapshot(position, logId, rules, clock.instant(), out), null);
    }

    private static ProjectionSnapshot.Table copyOut(Connection c, String table, List<String> columns, BackupTarget target, String key)
            throws SQLException, IOException {
        long rows;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + TableColumns.quote(table))) {
            rs.next();
            rows = rs.getLong(1);
        }
        MessageDigest md = Sha256.newDigest();
        long[] bytes = new long[1];
        try (OutputStream file = target.create(key)) {
            OutputStream counted = new FilterOutputStream(new DigestOutputStream(file, md)) {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    bytes[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    bytes[0] += len;
                }
            };
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + TableColumns.quote(table) + " " + TableColumns.copyList(columns)
                    + " TO STDOUT (FORMAT binary)", counted);
            counted.flush();
        }
        return new ProjectionSnapshot.Table(table, columns, rows, key, bytes[0], Sha256.toHex(md.digest()));
    }
}
