package org.semiont.server.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.semiont.schema.SchemaDatabase;
import org.semiont.server.config.DatabaseTarget;

/**
 * The schema engine's view of a {@link DatabaseTarget}: plain JDBC connections, outside any pool.
 * Closing it runs {@code onClose} (e.g. stops an embedded PostgreSQL started for a CLI verb).
 */
public final class TargetSchemaDatabase implements SchemaDatabase {
    private final DatabaseTarget target;
    private final Runnable onClose;

    public TargetSchemaDatabase(DatabaseTarget target) {
        this(target, () -> { });
    }

    public TargetSchemaDatabase(DatabaseTarget target, Runnable onClose) {
        this.target = target;
        this.onClose = onClose;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.jdbcProperties());
    }

    @Override
    public Connection connectMaintenance() throws SQLException {
        DatabaseTarget maintenance = target.withDatabase("postgres");
        return DriverManager.getConnection(maintenance.jdbcUrl(), maintenance.jdbcProperties());
    }

    @Override
    public SchemaDatabase onDatabase(String database) {
        return new TargetSchemaDatabase(target.withDatabase(database));
    }

    @Override
    public String databaseName() {
        return target.database();
    }

    @Override
    public String displayName() {
        return target.displayName();
    }

    @Override
    public String defaultNamespace() {
        return target.schema();
    }

    @Override
    public void close() {
        onClose.run();
    }
}
