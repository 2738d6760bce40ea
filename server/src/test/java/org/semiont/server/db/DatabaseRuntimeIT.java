package org.semiont.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.ServerApp;
import org.semiont.server.config.DatabaseSource;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.datadir.DataDirLayout;
import org.semiont.server.datadir.DataDirLock;

/** CLI verbs reach the embedded database whether or not a server runs on the data dir. */
class DatabaseRuntimeIT {
    @TempDir
    Path dataDir;

    private static boolean connects(DatabaseRuntime rt) {
        try (Connection c = DriverManager.getConnection(rt.target().jdbcUrl(), rt.target().jdbcProperties())) {
            return c.isValid(5);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void without_a_server_a_command_starts_the_embedded_database_for_its_duration_and_stops_it() throws Exception {
        DataDirLayout layout = new DataDirLayout(dataDir);
        DatabaseRuntime rt = DatabaseRuntime.forCommand(new DatabaseSource.Embedded(), layout, "semiont db status");
        assertThat(connects(rt)).isTrue();
        assertThat(DataDirLock.readOwner(dataDir)).get().extracting(DataDirLock.Owner::purpose).isEqualTo("semiont db status");
        rt.close();
        assertThat(connects(rt)).as("stopped after the command").isFalse();
        assertThat(layout.postgres().resolve("postmaster.pid")).doesNotExist();
        var lock = DataDirLock.tryAcquire(dataDir, "next");
        assertThat(lock).as("lock released").isPresent();
        lock.get().close();
    }

    @Test
    void with_a_server_running_a_command_uses_its_database_and_leaves_it_running() throws Exception {
        ServerConfig config = ServerConfig.from(new Environment(Map.of()), new ServerConfig.Overrides("127.0.0.1", 0, null, dataDir, null));
        try (ServerApp app = ServerApp.start(config)) {
            DatabaseRuntime rt = DatabaseRuntime.forCommand(new DatabaseSource.Embedded(), new DataDirLayout(dataDir), "semiont db status");
            assertThat(rt.target().port()).isEqualTo(app.databaseTarget().port());
            assertThat(rt.description()).contains("owned by 'semiont start'");
            assertThat(connects(rt)).isTrue();
            rt.close();
            assertThat(connects(rt)).as("the server's database keeps running").isTrue();
        }
    }
}
