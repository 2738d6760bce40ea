package org.semiont.server.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.UnaryOperator;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.BulkFolder;
import org.semiont.server.projection.IdFilter;

/**
 * The bulk rebuild of {@code annotations}: {@link AnnotationFold} over the log, with bounded memory. At most
 * {@code window} rows are held; the least recently touched go out to the {@link AnnotationSink} (binary COPY, while
 * the fold goes on) and their ids into an {@link IdFilter}. An event about a row that went out takes it back from the
 * table first, so every event is folded onto the row as it stands, exactly as on the live path.
 */
final class AnnotationBulk implements BulkFolder {
    /**
     * A false "maybe" from the filter costs a query, and that query has to wait until PostgreSQL has taken in
     * everything sent so far: 32 bits per possible row keeps them rare; the cap (256 MB) is the memory bound.
     */
    private static final long MAX_FILTER_BITS = 1L << 31;
    private final LinkedHashMap<String, AnnotationRow> rows = new LinkedHashMap<>(1024, 0.75f, true);
    private final AnnotationFold fold;
    private final UnaryOperator<String> names;
    private final AnnotationSink sink;
    private final int window;
    private final long filterBits;
    /** Ids of the rows sent to the table; made at the first, so a log that fits the window never pays for it. */
    private IdFilter sent;
    private long takenBack;

    AnnotationBulk(ObjectMapper json, UnaryOperator<String> names, AnnotationSink sink, int window, long mostRows) {
        if (window < 1) {
            throw new IllegalArgumentException("the annotation window must hold at least one row, not " + window);
        }
        this.fold = new AnnotationFold(json);
        this.names = names;
        this.sink = sink;
        this.window = window;
        this.filterBits = Math.min(MAX_FILTER_BITS, Math.max(1L << 16, mostRows * 32));
    }

    @Override
    public void apply(StoredEvent e, ObjectNode event, LocalDateTime at) throws SQLException {
        JsonNode p = event.path("payload");
        String id = AnnotationFold.rowId(e.type(), p);
        if (id == null) {
            return;
        }
        AnnotationRow before = held(id);
        AnnotationRow after = fold.apply(before, e, p, at, names);
        if (after == null) {
            rows.remove(id);
        } else if (after != before) {
            rows.put(id, after);
            spillOver();
        }
    }

    /** Sends every row still held and ends the COPY. */
    @Override
    public void folded() throws SQLException {
        for (AnnotationRow r : rows.values()) {
            sink.write(r);
        }
        rows.clear();
        sink.finish();
    }

    /** The rows went out during the fold and in {@link #folded()}. */
    @Override
    public void load(Connection c) {
    }

    /** After a failure, a COPY still open is cancelled, so the connection can roll back. */
    @Override
    public void close() {
        sink.close();
    }

    @Override
    public long takenBack() {
        return takenBack;
    }

    /** The row with this id, taken back from the table if it went out there; null if there is none. */
    private AnnotationRow held(String id) throws SQLException {
        AnnotationRow r = rows.get(id);
        if (r != null || sent == null || !sent.mightContain(id)) {
            return r;
        }
        r = sink.takeBack(id);
        if (r != null) {
            takenBack++;
            rows.put(id, r);
            spillOver();
        }
        return r;
    }

    /** Sends the least recently touched rows while more than {@code window} are held. */
    private void spillOver() throws SQLException {
        Iterator<AnnotationRow> eldest = rows.values().iterator();
        while (rows.size() > window) {
            AnnotationRow r = eldest.next();
            eldest.remove();
            sink.write(r);
            if (sent == null) {
                sent = new IdFilter(filterBits);
            }
            sent.add(r.id());
        }
    }
}
