package org.semiont.server.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.semiont.events.StoredEvent;

/**
 * One projection into PostgreSQL: applies the event types it knows inside the projector's transaction.
 * Applying must be total for any event the service appends (no-op on missing rows, first write wins on
 * conflicts) so a single odd event can never stop the projector.
 */
public interface Projection {
    boolean handles(String type);

    void apply(Connection c, StoredEvent stored, ObjectNode event) throws SQLException;

    /** Called once per batch before commit (flush coalesced updates). */
    default void beforeCommit(Connection c) throws SQLException {
    }

    /**
     * {@link #beforeCommit(Connection)} for a batch whose events are already durable: the projection may add its last
     * writes to {@code message}, which goes out with the checkpoint and the {@code COMMIT} in one round trip.
     */
    default void beforeCommit(Connection c, CommitMessage message) throws SQLException {
        beforeCommit(c);
    }

    /** Called after the batch committed (refresh caches). */
    default void afterCommit(List<StoredEvent> batch) {
    }

    /** Called when the batch rolled back (drop pending state). */
    default void afterRollback() {
    }

    /**
     * After a bulk rebuild loaded this projection's rows, final: {@code tails} holds the last event of each row
     * it owns, in log order. What is left is the work a replay would have caused (files, caches); the default
     * replays the tails, which is idempotent on final rows and causes exactly that.
     */
    default void rebuilt(Connection c, List<StoredEvent> tails) throws SQLException {
        BatchApplier.apply(c, List.of(this), tails, 0);
    }

    /** The tables this projection fills, in the order a check compares them. */
    List<ProjectedTable> tables();

    /** This projection's side of a bulk rebuild. */
    BulkFolder bulk(BulkContext context);

    /**
     * Deletes the rows that the events of stream {@code streamId} made (a rebuild of one stream); none by default.
     * Projections are asked in reverse order, so rows that refer to others go first.
     */
    default void deleteStream(Connection c, String streamId) throws SQLException {
    }

    /** Deletes every projected row (rebuild). */
    void truncate(Connection c) throws SQLException;
}
