package org.semiont.server.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.events.EventsException;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.commit.Syncer;
import org.semiont.server.util.Json;
import org.semiont.server.api.StandardProjections;
import org.semiont.server.document.DocumentEvents;

/**
 * The projector gets each batch before the log's fsync and applies it meanwhile, but commits only once the batch is
 * durable: with the fsync held back, the batch sits in an open transaction and nothing of it is visible; if the
 * fsync fails, it is rolled back and never shows.
 */
class ProjectorDurabilityIT {
    private static final String DOC = "doc-sha256:" + "ab".repeat(32);

    @TempDir
    Path dataDir;
    private final GatedSyncer syncer = new GatedSyncer();
    private ProjectionDatabase database;
    private HikariDataSource pool;
    private EventLog events;
    private Projector projector;
    private long before;

    @BeforeEach
    void start() {
        database = ProjectionDatabase.open(dataDir, "ProjectorDurabilityIT");
        pool = database.pool();
        events = EventLog.open(dataDir, EventLogOptions.defaults().withSyncer(syncer));
        List<Projection> projections = StandardProjections.create(pool, dataDir, Json.mapper()).projections();
        projector = new Projector(pool, events, projections, Clock.systemUTC());
        projector.start();
        before = events.lastPosition();
    }

    @AfterEach
    void stop() throws Exception {
        syncer.open();
        projector.close();
        events.close();
        database.close();
    }

    @Test
    void a_batch_is_committed_to_postgres_only_after_the_log_made_it_durable() throws Exception {
        syncer.hold();
        CompletableFuture<?> append = CompletableFuture.runAsync(this::appendDocument);
        awaitTrue(() -> openTransactions() == 1, "the projector applying the batch while the fsync is held");
        assertThat(append).isNotDone();
        assertThat(count("SELECT count(*) FROM documents")).isZero();
        assertThat(projector.appliedPosition()).isEqualTo(before);

        syncer.open();
        append.get(10, TimeUnit.SECONDS);
        assertThat(projector.awaitApplied(before + 1, Duration.ofSeconds(10))).isTrue();
        assertThat(count("SELECT count(*) FROM documents")).isEqualTo(1);
        assertThat(count("SELECT position FROM projection_checkpoints WHERE name = 'main'")).isEqualTo(before + 1);
    }

    @Test
    void a_batch_whose_fsync_fails_is_rolled_back() throws Exception {
        syncer.hold();
        CompletableFuture<?> append = CompletableFuture.runAsync(this::appendDocument);
        awaitTrue(() -> openTransactions() == 1, "the projector applying the batch while the fsync is held");

        syncer.fail(new IOException("simulated disk failure"));
        assertThatThrownBy(() -> append.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(EventsException.class);
        awaitTrue(() -> projector.lastFailure() != null && openTransactions() == 0, "the projector rolling back");
        assertThat(projector.lastFailure()).contains("simulated disk failure");
        assertThat(count("SELECT count(*) FROM documents")).isZero();
        assertThat(projector.appliedPosition()).isEqualTo(before);
    }

    private void appendDocument() {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("name", "D").put("format", "text/plain")
                .put("contentChecksum", "ab".repeat(32));
        events.append(DOC, ExpectedVersion.noStream(), NewEvent.of(DocumentEvents.CREATED, DOC, "user-1", p));
    }

    private long openTransactions() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND state = 'idle in transaction' AND pid <> pg_backend_pid()");
    }

    private long count(String sql) {
        try (Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Forces like {@link Syncer#FORCE}, but can hold a sync back until opened, and then fail it. */
    private static final class GatedSyncer implements Syncer {
        private volatile CountDownLatch gate;
        private volatile IOException failure;

        void hold() {
            gate = new CountDownLatch(1);
        }

        void open() {
            CountDownLatch g = gate;
            gate = null;
            if (g != null) {
                g.countDown();
            }
        }

        void fail(IOException e) {
            failure = e;
            open();
        }

        @Override
        public void sync(FileChannel channel) throws IOException {
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            IOException f = failure;
            if (f != null) {
                failure = null;
                throw f;
            }
            channel.force(false);
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            Syncer.FORCE.syncDirectory(dir);
        }
    }
}
