package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit observer sees every durable batch with its events and bytes; {@link EventLog#stats} reads no stream file. */
class CommitObserverTest {
    @TempDir
    Path dir;

    record Seen(int events, long bytes, long fsyncNanos) {
    }

    @Test
    void theObserverCountsTheEventsAndTheBytesOfEachCommittedBatch() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (EventLog log = EventLog.open(dir, Fixtures.options(), (e, b, n) -> seen.add(new Seen(e, b, n)))) {
            log.append("doc-1", ExpectedVersion.any(), Fixtures.event("a", "doc-1", "x"), Fixtures.event("b", "doc-1", "y"));
            log.append("doc-2", ExpectedVersion.any(), Fixtures.event("a", "doc-2", "z"));
        }
        assertThat(seen.stream().mapToInt(Seen::events).sum()).isEqualTo(3);
        long fileBytes;
        try (var files = Files.walk(dir.resolve("events"))) {
            fileBytes = files.filter(p -> p.toString().endsWith(".jsonl")).mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(seen.stream().mapToLong(Seen::bytes).sum()).isEqualTo(fileBytes);
        assertThat(seen).allSatisfy(s -> assertThat(s.fsyncNanos()).isPositive());
    }

    @Test
    void statsGiveThePositionTheCommitsAndTheFreeSpace() {
        try (EventLog log = Fixtures.open(dir)) {
            log.append("doc-1", ExpectedVersion.any(), Fixtures.event("a", "doc-1", "x"));
            LogStats stats = log.stats();
            assertThat(stats.lastPosition()).isEqualTo(1);
            assertThat(stats.commitBatches()).isEqualTo(1);
            assertThat(stats.usableBytes()).isPositive().isLessThanOrEqualTo(stats.totalBytes());
        }
    }
}
