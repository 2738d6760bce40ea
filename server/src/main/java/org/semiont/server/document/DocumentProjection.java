package org.semiont.server.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.BulkContext;
import org.semiont.server.projection.BulkFolder;
import org.semiont.server.projection.Projection;
import org.semiont.server.projection.ProjectedTable;
import org.semiont.server.util.Sql;

/**
 * Projects document streams into {@code documents} by {@link DocumentFold}: the row is read once per batch (then
 * held), folded, and written when the fold changed it. Annotation events leave the row alone: they only make the
 * document's JSON file due, and the file takes its stream version from the last event projected.
 */
public final class DocumentProjection implements Projection {
    /** The tables this projection fills, with their keys. */
    public static final List<ProjectedTable> TABLES = List.of(new ProjectedTable("documents", "id"));
    /** This batch's rows as written so far (null values: no row). */
    private final Map<String, DocumentRow> rows = new HashMap<>();
    private final Map<String, Touch> changedFiles = new HashMap<>();
    private final DocumentFiles files;

    private record Touch(long version, Instant at) {
    }

    public DocumentProjection(DocumentFiles files) {
        this.files = files;
    }

    @Override
    public boolean handles(String type) {
        return type.startsWith("document.") || type.startsWith("entitytag.") || type.startsWith("annotation.");
    }

    @Override
    public void apply(Connection c, StoredEvent e, ObjectNode event) throws SQLException {
        String id = e.documentId();
        if (id == null) {
            return;
        }
        if (DocumentFold.changesRow(e.type())) {
            DocumentRow before = rows.containsKey(id) ? rows.get(id) : DocumentRows.load(c, id);
            DocumentRow after = DocumentFold.apply(before, e, event.path("payload"), Sql.utc(e.instant()));
            DocumentRows.write(c, before, after);
            rows.put(id, after);
        }
        changedFiles.put(id, new Touch(e.sequence(), e.instant()));
    }

    @Override
    public void beforeCommit(Connection c) {
        rows.clear();
    }

    /** The rows are final: a replay would only have rewritten these documents' JSON files after commit. */
    @Override
    public void rebuilt(Connection c, List<StoredEvent> tails) {
        for (StoredEvent e : tails) {
            if (e.documentId() != null) {
                changedFiles.put(e.documentId(), new Touch(e.sequence(), e.instant()));
            }
        }
    }

    @Override
    public void afterCommit(List<StoredEvent> batch) {
        changedFiles.forEach((id, t) -> files.markDirty(id, t.version(), t.at()));
        changedFiles.clear();
    }

    @Override
    public void afterRollback() {
        rows.clear();
        changedFiles.clear();
    }

    @Override
    public List<ProjectedTable> tables() {
        return TABLES;
    }

    @Override
    public BulkFolder bulk(BulkContext context) {
        return new DocumentBulk();
    }

    @Override
    public void deleteStream(Connection c, String streamId) throws SQLException {
        Sql.update(c, "DELETE FROM documents WHERE id = ?", streamId);
    }

    @Override
    public void truncate(Connection c) throws SQLException {
        Sql.update(c, "DELETE FROM documents");
    }
}
