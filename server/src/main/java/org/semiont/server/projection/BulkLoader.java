package org.semiont.server.projection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Loads the folded rows with {@code COPY … FROM STDIN} (text format), streamed in chunks of about 1 MiB. */
final class BulkLoader {
    private static final int CHUNK = 1 << 20;

    private BulkLoader() {
    }

    /** Writes one row of {@code T} into the encoder. */
    interface RowWriter<T> {
        void write(T row, CopyText out);
    }

    /** The rows the fold holds: users, documents, entity types (annotations went out during the fold). */
    static void loadAll(Connection c, BulkFold f) throws SQLException {
        copy(c, "users (id, email, name, image, domain, provider, \"providerId\", \"isActive\", \"isAdmin\", \"isModerator\", "
                + "\"termsAcceptedAt\", \"lastLogin\", \"createdAt\", \"updatedAt\")", f.users.values(), (u, o) -> o.text(u.id)
                .text(u.email).text(u.name).text(u.image).text(u.domain).text(u.provider).text(u.providerId).bool(u.isActive)
                .bool(u.isAdmin).bool(u.isModerator).time(u.termsAcceptedAt).time(u.lastLogin).time(u.createdAt).time(u.updatedAt));
        copy(c, "documents (id, name, format, \"contentChecksum\", \"entityTypes\", archived, \"creationMethod\", \"creatorId\", "
                + "language, \"isDraft\", \"sourceAnnotationId\", \"sourceDocumentId\", version, created, \"updatedAt\")",
                f.documents.values(), (d, o) -> o.text(d.id).text(d.name).text(d.format).text(d.contentChecksum).array(d.entityTypes)
                        .bool(d.archived).text(d.creationMethod).text(d.creatorId).text(d.language).bool(d.isDraft)
                        .text(d.sourceAnnotationId).text(d.sourceDocumentId).number(d.version).time(d.created).time(d.updatedAt));
        copy(c, "user_credentials (\"userId\", \"passwordHash\", \"updatedAt\")", f.credentials.values(),
                (u, o) -> o.text(u.userId()).text(u.passwordHash()).time(u.updatedAt()));
        copy(c, "entity_types (name, created)", f.entityTypes.entrySet(), (t, o) -> o.text(t.getKey()).time(t.getValue()));
    }

    static <T> void copy(Connection c, String target, Collection<T> rows, RowWriter<T> writer) throws SQLException {
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
