package org.semiont.server.projection;

import org.semiont.server.write.EventWriter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.server.util.Json;
import org.semiont.server.api.StandardProjections;
import org.semiont.server.document.DocumentEvents;

/**
 * The projector's live feed may drop batches (it holds at most a bounded number of events in memory); then it must
 * read the dropped events from the log, and every writer must still see its own write. Here the bound is one event,
 * so most batches are dropped under 8 concurrent writers.
 */
class ProjectorFeedIT {
    private static final int WRITERS = 8;
    private static final int EACH = 150;

    @TempDir
    Path dataDir;

    @Test
    void dropped_batches_are_read_from_the_log_and_every_writer_sees_its_write() throws Exception {
        try (ProjectionDatabase database = ProjectionDatabase.open(dataDir, "ProjectorFeedIT");
             EventLog events = EventLog.open(dataDir)) {
            HikariDataSource pool = database.pool();
            List<Projection> projections = StandardProjections.create(pool, dataDir, Json.mapper()).projections();
            Projector projector = new Projector(pool, events, projections, Clock.systemUTC(), 1);
            long before = events.lastPosition();
            projector.start();
            try {
                EventWriter writer = new EventWriter(events, projector, Duration.ofSeconds(30));
                writeConcurrently(writer);
                assertThat(projector.appliedPosition()).isEqualTo(events.lastPosition()).isEqualTo(before + WRITERS * EACH);
                assertThat(projector.logReads()).as("catch-ups from the log after dropped batches").isGreaterThan(1);
                assertThat(count(pool, "SELECT count(*) FROM documents")).isEqualTo(WRITERS * EACH);
                assertThat(new ProjectionMaintenance(pool, events, projections, Clock.systemUTC()).check()).isEmpty();
            } finally {
                projector.close();
            }
        }
    }

    private static void writeConcurrently(EventWriter writer) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int worker = w;
            done.add(threads.submit(() -> {
                for (int i = 0; i < EACH; i++) {
                    String id = "doc-sha256:" + HexFormat.of().toHexDigits(worker) + HexFormat.of().toHexDigits((long) i)
                            + "0".repeat(40);
                    ObjectNode p = JsonNodeFactory.instance.objectNode().put("name", "D" + worker + "-" + i)
                            .put("format", "text/plain").put("contentChecksum", id.substring("doc-sha256:".length()));
                    writer.write(id, ExpectedVersion.noStream(), NewEvent.of(DocumentEvents.CREATED, id, "user-1", p));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
    }

    private static long count(HikariDataSource pool, String sql) throws Exception {
        try (Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
