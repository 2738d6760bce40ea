package org.semiont.server.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.BulkFolder;

/**
 * The bulk rebuild of {@code documents}: {@link DocumentFold} over the whole log in memory, then one COPY. The last
 * event of each document (annotation events included) is its tail: its file is rewritten after the load.
 */
final class DocumentBulk implements BulkFolder {
    private final Map<String, DocumentRow> rows = new LinkedHashMap<>();
    private final Map<String, StoredEvent> last = new LinkedHashMap<>();

    @Override
    public void apply(StoredEvent e, ObjectNode event, LocalDateTime at) {
        String id = e.documentId();
        if (id == null) {
            return;
        }
        DocumentRow before = rows.get(id);
        DocumentRow after = DocumentFold.apply(before, e, event.path("payload"), at);
        if (after != null) {
            rows.put(id, after);
            last.put(id, e);
        }
    }

    @Override
    public void load(Connection c) throws SQLException {
        DocumentRows.copy(c, rows.values());
    }

    @Override
    public List<StoredEvent> tails() {
        return List.copyOf(last.values());
    }
}
