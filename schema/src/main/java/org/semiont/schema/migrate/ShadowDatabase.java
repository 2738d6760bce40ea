package org.semiont.schema.migrate;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.semiont.schema.SchemaDatabase;
import org.semiont.schema.SchemaError;
import org.semiont.schema.SchemaException;
import org.semiont.schema.describe.DescribedSchema;
import org.semiont.schema.describe.SchemaDescriber;
import org.semiont.schema.sql.Identifiers;

/**
 * A temporary database on the same server, where migrations are replayed to learn the schema they produce
 * ({@code migrate dev}, {@code migrate diff}, the checks of {@code migrate rollback}). Created empty, dropped on close.
 * Needs a role allowed to create databases, as Prisma Migrate's shadow database does.
 */
final class ShadowDatabase implements AutoCloseable {
    private final SchemaDatabase main;
    private final String name;
    private final Connection connection;

    private ShadowDatabase(SchemaDatabase main, String name, Connection connection) {
        this.main = main;
        this.name = name;
        this.connection = connection;
    }

    static ShadowDatabase create(SchemaDatabase main) {
        String name = shadowName(main.databaseName());
        try (Connection c = main.connectMaintenance(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + Identifiers.quote(name));
        } catch (SQLException e) {
            throw new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not create a temporary shadow database on "
                    + main.displayName() + " to replay the migrations in: " + e.getMessage()
                    + " The role needs CREATEDB (ALTER ROLE … CREATEDB), as for Prisma Migrate's shadow database.", e);
        }
        try {
            return new ShadowDatabase(main, name, main.onDatabase(name).connect());
        } catch (SQLException | RuntimeException e) {
            drop(main, name);
            throw new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not connect to the shadow database " + name + ": "
                    + e.getMessage(), e);
        }
    }

    /** Runs every statement of the migration, one by one in autocommit. */
    void replay(LocalMigration m) {
        try (Statement st = connection.createStatement()) {
            for (SqlScript.Segment segment : m.script().segments()) {
                for (String sql : segment.statements()) {
                    try {
                        st.execute(sql);
                    } catch (SQLException e) {
                        throw new SchemaException(SchemaError.MIGRATION_INVALID, "Migration `" + m.name()
                                + "` does not apply to an empty database after the ones before it: " + e.getMessage()
                                + " Fix its migration.sql.", List.of(sql), e);
                    }
                }
            }
        } catch (SQLException e) {
            throw new SchemaException(SchemaError.SCHEMA_DATABASE, "The shadow database failed: " + e.getMessage(), e);
        }
    }

    DescribedSchema describe(List<String> namespaces) {
        try {
            return new SchemaDescriber().describe(connection, namespaces);
        } catch (SQLException e) {
            throw new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not read the shadow database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // dropping it below is what matters
        }
        drop(main, name);
    }

    private static void drop(SchemaDatabase main, String name) {
        try (Connection c = main.connectMaintenance(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(ShadowDatabase.class).warn("Could not drop the shadow database {}: {}", name, e.getMessage());
        }
    }

    private static String shadowName(String database) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String prefix = database.length() > 40 ? database.substring(0, 40) : database;
        return prefix + "_shadow_" + HexFormat.of().formatHex(random);
    }
}
