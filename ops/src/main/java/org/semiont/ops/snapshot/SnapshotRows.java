package org.semiont.ops.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.semiont.events.chain.Sha256;
import org.semiont.ops.target.BackupTarget;
import org.semiont.server.projection.SnapshotLoad;

/**
 * The rows of a snapshot as a restore loads them: each table's file streamed from the target into
 * {@code COPY … FROM STDIN}, its size and SHA-256 checked as it goes (a file changed since it was verified fails the
 * load, which rolls back). Loads only into tables with the columns the snapshot was written for.
 */
public final class SnapshotRows implements SnapshotLoad.Rows {
    private final BackupTarget target;
    private final ProjectionSnapshot snapshot;

    public SnapshotRows(BackupTarget target, ProjectionSnapshot snapshot) {
        this.target = target;
        this.snapshot = snapshot;
    }

    /**
     * Why the snapshot does not fit the live database (another set of projected tables, a column added, removed,
     * renamed or retyped), or empty when it does.
     */
    public Optional<String> misfit(DataSource pool, Set<String> liveTables) throws SQLException {
        Set<String> inSnapshot = new TreeSet<>();
        snapshot.tables().forEach(t -> inSnapshot.add(t.table()));
        if (!inSnapshot.equals(new TreeSet<>(liveTables))) {
            return Optional.of("the snapshot holds the tables " + inSnapshot + ", the projections now fill " + new TreeSet<>(liveTables));
        }
        try (Connection c = pool.getConnection()) {
            for (ProjectionSnapshot.Table t : snapshot.tables()) {
                List<String> live = TableColumns.of(c, t.table());
                if (!live.equals(t.columns())) {
                    List<String> gone = new ArrayList<>(t.columns());
                    gone.removeAll(live);
                    List<String> added = new ArrayList<>(live);
                    added.removeAll(t.columns());
                    return Optional.of("table " + t.table() + " has other columns than the snapshot's (only in the snapshot: " + gone
                            + ", only in the database: " + added + (gone.isEmpty() && added.isEmpty() ? ", in another order" : "") + ")");
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void load(Connection c) throws SQLException, IOException {
        for (ProjectionSnapshot.Table t : snapshot.tables()) {
            MessageDigest md = Sha256.newDigest();
            long size;
            try (InputStream in = target.open(t.key()); CountingInput counted = new CountingInput(new DigestInputStream(in, md))) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + TableColumns.quote(t.table()) + " "
                        + TableColumns.copyList(t.columns()) + " FROM STDIN (FORMAT binary)", counted);
                size = counted.count;
            }
            if (size != t.size() || !Sha256.toHex(md.digest()).equals(t.sha256())) {
                throw new IOException("snapshot file " + t.key() + " changed in the target since it was verified");
            }
        }
    }

    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
