package org.semiont.server.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.RowHistory;

/**
 * {@code users} in memory, folded by {@link UserFold}, with the table's unique keys (id, e-mail, provider id): a
 * create that any of them blocks is left out, as {@code INSERT … ON CONFLICT DO NOTHING} leaves it out of the table.
 */
public final class UserTable {
    private final Map<String, UserState> users = new LinkedHashMap<>();
    private final Set<String> emails = new HashSet<>();
    private final Set<String> providerKeys = new HashSet<>();

    /** The users as they stood right after the event at global {@code position}. */
    public static UserTable asOf(EventLog log, long position) {
        UserTable table = new UserTable();
        RowHistory.asOf(log, UserEvents.STREAM, position, table, (t, e, event, at) -> {
            t.apply(e, event, at);
            return t;
        });
        return table;
    }

    /** One {@code user.*} event; returns the event's user, or null when there is none after it. */
    public UserState apply(StoredEvent e, ObjectNode event, LocalDateTime at) {
        String id = UserFold.userId(event.path("payload"));
        UserState before = users.get(id);
        UserState after = UserFold.apply(before, e, event, at);
        if (after == before) {
            return after;
        }
        if (before == null && (emails.contains(after.email()) || (after.providerKey() != null && providerKeys.contains(after.providerKey())))) {
            return null;
        }
        if (after == null) {
            users.remove(id);
            emails.remove(before.email());
            providerKeys.remove(before.providerKey());
        } else {
            users.put(id, after);
            emails.add(after.email());
            if (after.providerKey() != null) {
                providerKeys.add(after.providerKey());
            }
        }
        return after;
    }

    public Optional<UserState> get(String id) {
        return Optional.ofNullable(users.get(id));
    }

    /** What annotations show for this user: the display name, or the id when there is no such user. */
    public String displayName(String userId) {
        UserState u = users.get(userId);
        return u == null ? userId : u.displayName();
    }

    public Collection<UserState> all() {
        return users.values();
    }
}
