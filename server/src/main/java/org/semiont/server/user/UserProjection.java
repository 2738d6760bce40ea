package org.semiont.server.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.BulkContext;
import org.semiont.server.projection.BulkFolder;
import org.semiont.server.projection.ProjectedTable;
import org.semiont.server.projection.Projection;
import org.semiont.server.util.Sql;

/**
 * Projects {@code user.*} events into {@code users} and {@code user_credentials} by {@link UserFold} (read the user,
 * fold, write what changed); tells the directory which users changed.
 */
public final class UserProjection implements Projection {
    /** The tables this projection fills, with their keys. */
    public static final List<ProjectedTable> TABLES = List.of(new ProjectedTable("users", "id"), new ProjectedTable("user_credentials", "\"userId\""));
    private final UserDirectory directory;
    private final Set<String> changed = new HashSet<>();

    public UserProjection(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean handles(String type) {
        return type.startsWith("user.");
    }

    @Override
    public void apply(Connection c, StoredEvent e, ObjectNode event) throws SQLException {
        String id = UserFold.userId(event.path("payload"));
        UserState before = UserRows.load(c, id);
        UserRows.write(c, before, UserFold.apply(before, e, event, Sql.utc(e.instant())));
        changed.add(id);
    }

    @Override
    public void afterCommit(List<StoredEvent> batch) {
        changed.forEach(directory::invalidate);
        changed.clear();
    }

    @Override
    public void afterRollback() {
        changed.clear();
    }

    @Override
    public List<ProjectedTable> tables() {
        return TABLES;
    }

    @Override
    public BulkFolder bulk(BulkContext context) {
        return new UserBulk();
    }

    @Override
    public void truncate(Connection c) throws SQLException {
        Sql.update(c, "DELETE FROM user_credentials");
        Sql.update(c, "DELETE FROM users");
    }
}
