package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.config.DatabaseTarget;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.datadir.DataDirLayout;
import org.semiont.server.db.DatabaseRuntime;
import org.semiont.server.testing.TestFiles;

/**
 * A database holds the projections of one event log. A second server on another data dir but the same database,
 * and a log restored from an older copy, are refused at start with words that say what to do; before, the first
 * skipped its own events up to the other log's checkpoint and the second acknowledged writes it never projected.
 */
class SharedDatabaseIT {
    @TempDir
    Path first;
    @TempDir
    Path second;

    /**
     * Two data dirs, one database that outlives both servers: while the first runs, the second is refused by the
     * projections lock; once it stopped, by the log binding. The first keeps its projections throughout.
     */
    @Test
    void a_second_server_with_its_own_log_is_refused_and_the_first_keeps_its_projections(@TempDir Path databaseDir)
            throws Exception {
        ApiServer.start(databaseDir).close(); // creates a cluster and pushes the schema
        ServerConfig config = ServerConfig.from(new Environment(Map.of()),
                new ServerConfig.Overrides("127.0.0.1", 0, null, databaseDir, null));
        try (DatabaseRuntime shared = DatabaseRuntime.forCommand(config.database(), new DataDirLayout(databaseDir), "SharedDatabaseIT")) {
            DatabaseTarget db = shared.target();
            sql(db, "DELETE FROM projection_checkpoints; TRUNCATE users, documents, annotations, entity_types CASCADE");
            Map<String, String> env = Map.of("DATABASE_URL", "postgresql://" + db.user() + "@" + db.host() + ":" + db.port()
                    + "/" + db.database(), "ENABLE_LOCAL_AUTH", "true");
            String firstLog;
            try (ApiServer a = ApiServer.start(first, env)) {
                firstLog = a.app().api().events().logId();
                ApiServer.createDocument(a.user("alice@example.org", false, false), "First", "Alice met Bob.");
                assertThatThrownBy(() -> ApiServer.start(second, env).close())
                        .hasStackTraceContaining("another process is writing the projections").hasStackTraceContaining("semiont start");
                assertThat(a.signIn("alice@example.org").post("/api/documents", Map.of("name", "Still", "content", "Here."))
                        .status()).isEqualTo(201);
            }
            assertThatThrownBy(() -> ApiServer.start(second, env).close())
                    .hasStackTraceContaining("another event log").hasStackTraceContaining("projections rebuild");
            assertThat(logIdOf(db)).isEqualTo(firstLog);
            try (ApiServer a = ApiServer.start(first, env)) {
                assertThat(a.signIn("alice@example.org").get("/api/documents").json().get("total").asInt()).isEqualTo(2);
                assertThat(a.app().api().maintenance().check()).isEmpty();
            }
        }
    }

    @Test
    void a_log_that_lost_events_the_database_has_seen_is_refused_until_rebuilt() throws Exception {
        Path older = Files.createTempDirectory(second, "older-events");
        try (ApiServer a = ApiServer.start(first)) {
            ApiServer.createDocument(a.user("alice@example.org", false, false), "Kept", "Alice met Bob.");
        }
        copy(first.resolve("events"), older);
        try (ApiServer a = ApiServer.start(first)) {
            ApiServer.createDocument(a.signIn("alice@example.org"), "Lost", "Only the newer log has me.");
        }
        TestFiles.deleteTree(first.resolve("events"));
        copy(older, first.resolve("events"));

        assertThatThrownBy(() -> ApiServer.start(first).close()).hasStackTraceContaining("the log lost events");
    }

    @Test
    void a_database_from_before_log_identities_is_adopted_and_a_rebuild_records_its_log() throws Exception {
        String id;
        DatabaseTarget db;
        try (ApiServer a = ApiServer.start(first)) {
            ApiServer.createDocument(a.user("alice@example.org", false, false), "Old", "Alice met Bob.");
            id = a.app().api().events().logId();
            db = a.app().databaseTarget();
            setLogId(db, null);
            a.app().api().maintenance().rebuild(n -> { });
            assertThat(logIdOf(db)).as("recorded by a rebuild").isEqualTo(id);
            setLogId(db, null);
        }
        try (ApiServer a = ApiServer.start(first)) {
            assertThat(logIdOf(a.app().databaseTarget())).as("adopted at start").isEqualTo(id);
            assertThat(a.signIn("alice@example.org").get("/api/documents").json().get("total").asInt()).isEqualTo(1);
        }
    }

    private static String logIdOf(DatabaseTarget db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.jdbcProperties()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"logId\" FROM projection_checkpoints WHERE name = 'main'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void sql(DatabaseTarget db, String statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.jdbcProperties()); Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }

    private static void setLogId(DatabaseTarget db, String id) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.jdbcProperties());
             var ps = c.prepareStatement("UPDATE projection_checkpoints SET \"logId\" = ? WHERE name = 'main'")) {
            ps.setString(1, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
