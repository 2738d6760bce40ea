package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.jsonl.StreamLayout;

/**
 * The first append to a stream after it was opened or evicted reads only the stream's last line (as does reading its
 * latest event); its ids are read when an append brings ids of its own.
 */
class StreamFirstTouchTest {
    private static final String DOC = "doc-first-touch";

    @TempDir
    Path dir;

    private List<StoredEvent> writeStream(EventLogOptions options, int n) {
        try (EventLog log = EventLog.open(dir, options)) {
            List<StoredEvent> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.addAll(log.append(DOC, ExpectedVersion.any(), Fixtures.event("x", DOC, "event " + i)).events());
            }
            return out;
        }
    }

    private Path streamFile(int number) {
        return new StreamLayout(dir.resolve("events")).file(DOC, number);
    }

    /** Garbage before the last line goes unread by an append (finding it is `events verify`'s work). */
    @Test
    void an_append_reads_only_the_last_line_of_a_stream() throws Exception {
        List<StoredEvent> written = writeStream(Fixtures.options(), 5);
        Path file = streamFile(1);
        byte[] bytes = Files.readAllBytes(file);
        int firstNewline = indexOf(bytes, (byte) '\n');
        Arrays.fill(bytes, 0, firstNewline, (byte) '#');
        Files.write(file, bytes);

        try (EventLog log = Fixtures.open(dir)) {
            StoredEvent next = log.append(DOC, ExpectedVersion.exactly(5), Fixtures.event("x", DOC, "after")).events().get(0);
            assertThat(next.sequence()).isEqualTo(6);
            assertThat(next.prevEventHash()).isEqualTo(written.get(4).checksum());
        }
        try (EventLog log = EventLog.open(dir, Fixtures.options().withReadOnly(true))) {
            assertThat(log.verify(DOC).defects()).allSatisfy(d -> assertThat(d.sequence()).isLessThanOrEqualTo(2));
        }
    }

    @Test
    void the_latest_event_and_the_count_come_from_the_last_complete_line() throws Exception {
        EventLogOptions threePerFile = Fixtures.options().withEventsPerFile(3);
        List<StoredEvent> written = writeStream(threePerFile, 5);
        Path second = streamFile(2);
        byte[] bytes = Files.readAllBytes(second);
        int firstNewline = indexOf(bytes, (byte) '\n');
        Arrays.fill(bytes, 0, firstNewline, (byte) '#');
        Files.write(second, bytes);
        Files.write(second, "{\"event\":{\"ty".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        Files.write(streamFile(3), new byte[0]);

        try (EventLog log = EventLog.open(dir, threePerFile.withReadOnly(true))) {
            assertThat(log.readLatest(DOC)).get().satisfies(e -> {
                assertThat(e.sequence()).isEqualTo(5);
                assertThat(e.checksum()).isEqualTo(written.get(4).checksum());
            });
            assertThat(log.count(DOC)).isEqualTo(5);
            assertThat(log.readLatest("doc-never-written")).isEmpty();
        }
    }

    @Test
    void generated_ids_from_before_a_reopen_are_recognised_when_a_caller_brings_them() {
        List<StoredEvent> written = writeStream(Fixtures.options(), 3);
        try (EventLog log = Fixtures.open(dir)) {
            AppendResult again = log.append(DOC, ExpectedVersion.any(),
                    Fixtures.event("x", DOC, "event 1").withId(written.get(1).id()));
            assertThat(again.duplicates()).isEqualTo(1);
            assertThat(again.events().get(0).checksum()).isEqualTo(written.get(1).checksum());

            StoredEvent fresh = log.append(DOC, ExpectedVersion.exactly(3), Fixtures.event("x", DOC, "new")).events().get(0);
            assertThat(log.append(DOC, ExpectedVersion.any(), Fixtures.event("x", DOC, "new").withId(fresh.id()))
                    .duplicates()).isEqualTo(1);
            assertThat(log.count(DOC)).isEqualTo(4);
        }
    }

    @Test
    void a_last_file_holding_only_a_torn_line_is_cut_and_the_stream_continues_from_the_file_before() throws Exception {
        EventLogOptions threePerFile = Fixtures.options().withEventsPerFile(3);
        List<StoredEvent> written = writeStream(threePerFile, 3);
        Path second = streamFile(2);
        Files.write(second, "{\"event\":{\"type\":\"x\"".getBytes(StandardCharsets.UTF_8));

        try (EventLog log = EventLog.open(dir, threePerFile)) {
            StoredEvent next = log.append(DOC, ExpectedVersion.exactly(3), Fixtures.event("x", DOC, "after")).events().get(0);
            assertThat(next.prevEventHash()).isEqualTo(written.get(2).checksum());
        }
        assertThat(Files.readString(second)).doesNotContain("{\"event\":{\"type\":\"x\"\n").endsWith("\n");
        try (EventLog log = EventLog.open(dir, Fixtures.options().withReadOnly(true))) {
            assertThat(log.verify(DOC).defects()).isEmpty();
            assertThat(log.verify(DOC).events()).isEqualTo(4);
        }
    }

    @Test
    void an_unterminated_line_in_a_file_before_the_last_refuses_appends() throws Exception {
        EventLogOptions threePerFile = Fixtures.options().withEventsPerFile(3);
        writeStream(threePerFile, 3);
        Path first = streamFile(1);
        byte[] bytes = Files.readAllBytes(first);
        Files.write(first, Arrays.copyOf(bytes, bytes.length - 1));
        Files.write(streamFile(2), "{\"event\":{\"ty".getBytes(StandardCharsets.UTF_8));

        try (EventLog log = EventLog.open(dir, threePerFile)) {
            assertThatThrownBy(() -> log.append(DOC, ExpectedVersion.any(), Fixtures.event("x", DOC, "after")))
                    .isInstanceOfSatisfying(EventsException.class, e -> {
                        assertThat(e.error()).isEqualTo(EventsError.CORRUPT_LOG);
                        assertThat(e.getMessage()).contains("events-000001.jsonl").contains("events verify");
                    });
        }
        assertThat(Files.readAllBytes(first)).hasSize(bytes.length - 1);
    }

    /**
     * Appends with generated ids are in flight (queued, or on their way into the stream file) when the first append
     * with ids of its own reads the ids; every caller id is stored once, whichever thread brings it first.
     */
    @Test
    void caller_ids_and_generated_ids_from_many_threads_on_a_stream_just_taken_up() throws Exception {
        writeStream(Fixtures.options(), 50);
        int threads = 8;
        int perThread = 150;
        int callerIds = 40;
        try (EventLog log = Fixtures.open(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> generated = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    generated.add(pool.submit(() -> {
                        int mine = 0;
                        for (int i = 0; i < perThread; i++) {
                            NewEvent e = Fixtures.event("x", DOC, "t" + thread + " " + i);
                            if ((i + thread) % 3 == 0) {
                                e = e.withId("caller-" + ((i * 7 + thread) % callerIds));
                            } else {
                                mine++;
                            }
                            log.append(DOC, ExpectedVersion.any(), e);
                        }
                        return mine;
                    }));
                }
                int total = 50;
                for (Future<Integer> f : generated) {
                    total += f.get();
                }
                Set<String> ids = new HashSet<>();
                try (Stream<StoredEvent> all = log.readStream(DOC, 1)) {
                    all.forEach(e -> assertThat(ids.add(e.id())).as("id %s stored once", e.id()).isTrue());
                }
                assertThat(ids).filteredOn(id -> id.startsWith("caller-")).hasSize(callerIds);
                assertThat(log.count(DOC)).isEqualTo(total + callerIds);
                assertThat(log.verify(DOC).defects()).isEmpty();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
