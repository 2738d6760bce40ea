package org.semiont.schema.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.semiont.schema.JdbcSchemaDatabase;

/** One embedded PostgreSQL per test JVM; each caller gets a fresh database on it. */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return server;
    }

    /** A URL for a database that does not exist yet (the engine creates it). */
    public static String newDatabaseUrl() {
        return "postgresql://postgres:postgres@localhost:" + server().getPort() + "/t" + ProcessHandle.current().pid()
                + "_" + COUNTER.incrementAndGet();
    }

    /** A freshly created, empty database. */
    public static JdbcSchemaDatabase newDatabase() {
        JdbcSchemaDatabase db = JdbcSchemaDatabase.fromUrl(newDatabaseUrl());
        exec(db, true, "CREATE DATABASE \"" + db.databaseName() + "\"");
        return db;
    }

    public static void exec(JdbcSchemaDatabase db, String... statements) {
        exec(db, false, statements);
    }

    private static void exec(JdbcSchemaDatabase db, boolean maintenance, String... statements) {
        try (Connection c = maintenance ? db.connectMaintenance() : db.connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + e.getMessage(), e);
        }
    }

    public static long count(JdbcSchemaDatabase db, String sql) {
        List<List<Object>> rows = query(db, sql);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    public static List<List<Object>> query(JdbcSchemaDatabase db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + e.getMessage(), e);
        }
    }
}
