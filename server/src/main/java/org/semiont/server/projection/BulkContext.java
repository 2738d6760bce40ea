package org.semiont.server.projection;

import java.sql.Connection;
import java.util.List;

/**
 * What a projection gets to make its {@link BulkFolder}: the rebuild's connection, whether the rebuild owns the
 * database ({@code exclusive}: the tables were truncated in this transaction), how many rows of its largest table
 * it may hold ({@code window}), the number of events to fold, and the folders made before it (a later projection
 * may read an earlier one's rows, as annotations read the users' names).
 */
public record BulkContext(Connection connection, boolean exclusive, int window, long events, List<BulkFolder> earlier) {
    public BulkContext {
        earlier = List.copyOf(earlier);
    }

    /** The earlier folder of this type. */
    public <T extends BulkFolder> T earlier(Class<T> type) {
        return earlier.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " before this projection"));
    }
}
