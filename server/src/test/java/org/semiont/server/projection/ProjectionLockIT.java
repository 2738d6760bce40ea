package org.semiont.server.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.config.DatabaseTarget;
import org.semiont.server.db.ConnectionPools;
import org.semiont.server.testing.ExternalPostgres;

/** The projections lock against a real PostgreSQL that restarts under it. */
class ProjectionLockIT {
    @TempDir
    static Path dir;
    static ExternalPostgres external;
    static DatabaseTarget target;

    @BeforeAll
    static void start() throws Exception {
        external = ExternalPostgres.start(dir);
        target = DatabaseTarget.parseUrl(external.url(), "test");
    }

    @AfterAll
    static void stop() throws Exception {
        external.close();
    }

    private static Supplier<Connection> as(String purpose) {
        return () -> ConnectionPools.dedicated(target, purpose);
    }

    @Test
    void a_second_holder_is_refused_with_the_first_ones_name_until_the_first_closes() {
        try (ProjectionLock first = ProjectionLock.acquire(as("first"))) {
            assertThatThrownBy(() -> ProjectionLock.acquire(as("second")))
                    .hasMessageContaining("another process is writing the projections").hasMessageContaining("semiont first (pid ");
            assertThat(first.takenByAnother()).isEmpty();
        }
        ProjectionLock.acquire(as("second")).close();
    }

    @Test
    void after_a_database_restart_the_lock_is_taken_again_or_reported_as_taken() throws Exception {
        try (ProjectionLock lock = ProjectionLock.acquire(as("server"))) {
            external.stop();
            external.restart();
            lock.keep();
            assertThat(lock.takenByAnother()).isEmpty();
            assertThatThrownBy(() -> ProjectionLock.acquire(as("intruder"))).as("held again after the restart")
                    .hasMessageContaining("semiont server");

            external.stop();
            lock.keep(); // the database is down: nothing to take yet, nothing to report
            assertThat(lock.takenByAnother()).isEmpty();
            external.restart();
            try (ProjectionLock intruder = ProjectionLock.acquire(as("intruder"))) {
                lock.keep();
                assertThat(lock.takenByAnother()).contains("another process holds the database's projections lock");
            }
            lock.keep();
            assertThat(lock.takenByAnother()).isEmpty();
            assertThatThrownBy(() -> ProjectionLock.acquire(as("intruder"))).hasMessageContaining("semiont server");
        }
    }
}
