package org.semiont.server.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.semiont.events.StoredEvent;

/**
 * One projection's side of a bulk rebuild: sees every event its projection handles, in log order, folds it into
 * rows in memory (by the same fold as the live path), and loads the final rows when the log is done.
 */
public interface BulkFolder extends AutoCloseable {
    /** One event; {@code event} is its parsed JSON and {@code at} its time in UTC. */
    void apply(StoredEvent e, ObjectNode event, LocalDateTime at) throws SQLException;

    /**
     * After the last event, before any folder loads: a folder that streamed rows out during the fold sends the rest
     * and ends its stream (the connection runs one COPY at a time).
     */
    default void folded() throws SQLException {
    }

    /** Writes the rows still held (COPY); called once, after every folder's {@link #folded()}. */
    void load(Connection c) throws SQLException;

    /**
     * The last event of each row it owns: handed to {@link Projection#rebuilt} after the load, so the projection
     * does the work a replay would have caused (files, caches).
     */
    default List<StoredEvent> tails() {
        return List.of();
    }

    /** Ends what is still open (after a failure too); the rebuild calls it on every folder it made. */
    @Override
    default void close() {
    }

    /** Rows that went to the table during the fold and came back because the log touched them again. */
    default long takenBack() {
        return 0;
    }
}
