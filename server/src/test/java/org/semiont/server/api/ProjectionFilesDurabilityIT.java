package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.config.DatabaseTarget;

/**
 * JSON projection files are replaced without waiting for the disk and fsynced together every 30 s: the files'
 * checkpoint moves only once they are durable, so whatever a power loss could undo is written again at startup.
 */
class ProjectionFilesDurabilityIT {
    @TempDir
    Path dataDir;

    @Test
    void the_files_checkpoint_advances_when_the_files_are_synced_not_when_they_are_written() throws Exception {
        long written;
        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient alice = server.user("alice@example.org", false, false);
            String doc = ApiServer.createDocument(alice, "Filed", "A file for this one.").get("id").asText();
            Path file = server.app().api().files().file(doc);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.exists(file) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(file).as("written by the first pass, a second after the change").exists();
            written = server.app().api().events().lastPosition();
            assertThat(filesCheckpoint(server.app().databaseTarget())).as("not yet synced: a power loss could undo the file")
                    .isLessThan(written);
        }
        try (ApiServer server = ApiServer.start(dataDir)) {
            assertThat(filesCheckpoint(server.app().databaseTarget())).as("synced on the way down")
                    .isGreaterThanOrEqualTo(written);
        }
    }

    private static long filesCheckpoint(DatabaseTarget t) throws Exception {
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.jdbcProperties()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT position FROM projection_checkpoints WHERE name = 'files'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
