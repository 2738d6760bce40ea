package org.semiont.studio.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;

class VerifyRunsTest {
    @TempDir
    Path dir;

    @Test
    void a_second_request_joins_the_running_verify_and_progress_counts_streams_and_events() {
        try (EventLog log = EventLog.open(dir)) {
            for (int i = 0; i < 8; i++) {
                log.append("doc-" + (i % 4), ExpectedVersion.any(), NewEvent.of("x", "doc-" + (i % 4), "user-1",
                        JsonNodeFactory.instance.objectNode().put("i", i)));
            }
            List<Runnable> held = new ArrayList<>();
            AtomicLong clock = new AtomicLong(1_000_000_000L);
            VerifyRuns runs = new VerifyRuns(log, held::add, clock::get);

            VerifyRun run = runs.startOrJoin();
            assertThat(runs.startOrJoin()).isSameAs(run);
            assertThat(held).hasSize(1);
            VerifyRun.Progress start = run.progress(clock.get());
            assertThat(start.done()).isFalse();
            assertThat(start.percent()).isZero();
            assertThat(start.etaSeconds()).isEqualTo(-1);
            assertThat(start.totalStreams()).isEqualTo(4);
            assertThat(start.totalEvents()).isEqualTo(8);

            run.streamVerified("doc-0", 2, 100);
            clock.addAndGet(3_000_000_000L);
            VerifyRun.Progress quarter = run.progress(clock.get());
            assertThat(quarter.percent()).isEqualTo(25);
            assertThat(quarter.streams()).isEqualTo(1);
            assertThat(quarter.etaSeconds()).isEqualTo(9); // 3 s for a quarter: 9 s for the rest

            held.get(0).run(); // the real verify of the whole log, on top of the one stream counted by hand above
            VerifyRun.Progress end = run.progress(clock.get());
            assertThat(end.done()).isTrue();
            assertThat(end.clean()).isTrue();
            assertThat(end.percent()).isEqualTo(100);
            assertThat(end.etaSeconds()).isZero();
            assertThat(end.report().events()).isEqualTo(8);

            VerifyRun next = runs.startOrJoin();
            assertThat(next).isNotSameAs(run);
            assertThat(next.id()).isEqualTo(run.id() + 1);
            assertThat(runs.current()).containsSame(next);
        }
    }
}
