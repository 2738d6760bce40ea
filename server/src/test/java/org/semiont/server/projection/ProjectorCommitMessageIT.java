package org.semiont.server.projection;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.server.util.Json;
import org.semiont.server.annotation.AnnotationEvents;
import org.semiont.server.annotation.AnnotationProjection;
import org.semiont.server.api.StandardProjections;
import org.semiont.server.document.DocumentEvents;

/**
 * A batch whose events are durable before it commits (always so in catch-up) sends its last inserts with the
 * checkpoint and the COMMIT in one message; past {@code MAX_ROWS_IN_COMMIT} rows they go out ahead of it as a
 * JDBC batch. Either way the rows must be exactly what a rebuild from the log makes.
 */
class ProjectorCommitMessageIT {
    private static final String DOC = "doc-sha256:" + "cd".repeat(32);

    @TempDir
    Path dataDir;

    @Test
    void catch_up_batches_commit_in_one_message_and_equal_a_rebuild() throws Exception {
        try (ProjectionDatabase database = ProjectionDatabase.open(dataDir, "ProjectorCommitMessageIT");
             EventLog events = EventLog.open(dataDir)) {
            HikariDataSource pool = database.pool();
            List<Projection> projections = StandardProjections.create(pool, dataDir, Json.mapper()).projections();
            ObjectNode doc = JsonNodeFactory.instance.objectNode().put("name", "D").put("format", "text/plain")
                    .put("contentChecksum", "cd".repeat(32));
            List<NewEvent> first = new ArrayList<>();
            first.add(NewEvent.of(DocumentEvents.CREATED, DOC, "user-1", doc));
            first.addAll(annotations(0, AnnotationProjection.MAX_ROWS_IN_COMMIT + 6));
            events.append(DOC, ExpectedVersion.noStream(), first);
            catchUp(pool, events, projections);
            assertThat(count(pool)).isEqualTo(AnnotationProjection.MAX_ROWS_IN_COMMIT + 6);

            // a batch small enough for the message itself, then the same annotations again (first write wins)
            events.append(DOC, ExpectedVersion.any(), annotations(1_000, 10));
            events.append(DOC, ExpectedVersion.any(), annotations(1_000, 3));
            catchUp(pool, events, projections);
            assertThat(count(pool)).isEqualTo(AnnotationProjection.MAX_ROWS_IN_COMMIT + 6 + 10);
            assertThat(new ProjectionMaintenance(pool, events, projections, Clock.systemUTC()).check()).isEmpty();
        }
    }

    /** A projector started after the events were written: it reads them from the log, durable, in one batch. */
    private static void catchUp(HikariDataSource pool, EventLog events, List<Projection> projections) throws Exception {
        Projector projector = new Projector(pool, events, projections, Clock.systemUTC());
        projector.start();
        try {
            assertThat(projector.awaitApplied(events.lastPosition(), Duration.ofSeconds(30))).isTrue();
            assertThat(projector.commits()).isPositive();
            assertThat(projector.oneMessageCommits()).isEqualTo(projector.commits());
        } finally {
            projector.close();
        }
    }

    private static List<NewEvent> annotations(int from, int n) {
        List<NewEvent> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            ObjectNode a = JsonNodeFactory.instance.objectNode().put("id", "ann-" + i).put("motivation", "commenting");
            a.putObject("target").put("source", DOC);
            a.putArray("body").addObject().put("type", "TextualBody").put("value", "note " + i);
            ObjectNode p = JsonNodeFactory.instance.objectNode();
            p.set("annotation", a);
            out.add(NewEvent.of(AnnotationEvents.ADDED, DOC, "user-1", p));
        }
        return out;
    }

    private static long count(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM annotations")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
