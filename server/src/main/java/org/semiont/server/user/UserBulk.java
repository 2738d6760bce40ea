package org.semiont.server.user;

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
 * The bulk rebuild of {@code users} and {@code user_credentials}: a {@link UserTable} over the log, then COPY.
 * Annotations read display names from it as the users stand at each event.
 */
public final class UserBulk implements BulkFolder {
    private final UserTable table = new UserTable();
    private final Map<String, StoredEvent> last = new LinkedHashMap<>();

    UserBulk() {
    }

    @Override
    public void apply(StoredEvent e, ObjectNode event, LocalDateTime at) {
        UserState after = table.apply(e, event, at);
        String id = UserFold.userId(event.path("payload"));
        if (after == null) {
            last.remove(id);
        } else {
            last.put(id, e);
        }
    }

    /** The user's display name as it stands now in the fold, or the id when there is no such user. */
    public String displayName(String userId) {
        return table.displayName(userId);
    }

    @Override
    public void load(Connection c) throws SQLException {
        UserRows.copy(c, table.all());
    }

    @Override
    public List<StoredEvent> tails() {
        return List.copyOf(last.values());
    }
}
