package org.semiont.server.projection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Loads folded rows with {@code COPY … FROM STDIN} (text format), streamed in chunks of about 1 MiB. */
public final class BulkLoader {
    private static final int CHUNK = 1 << 20;

    private BulkLoader() {
    }

    /** Writes one row of {@code T} into the encoder. */
    public interface RowWriter<T> {
        void write(T row, CopyText out);
    }

    public static <T> void copy(Connection c, String target, Collection<T> rows, RowWriter<T> writer) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN (FORMAT text)");
        try {
            StringBuilder buf = new StringBuilder(CHUNK + 64 * 1024);
            CopyText out = new CopyText(buf);
            for (T row : rows) {
                writer.write(row, out);
                out.endRow();
                if (buf.length() >= CHUNK) {
                    send(in, buf);
                }
            }
            send(in, buf);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void send(CopyIn in, StringBuilder buf) throws SQLException {
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buf.setLength(0);
    }
}
