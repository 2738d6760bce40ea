package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    private static final String DOC = "doc-sha256:faf8f1b7ab05";

    @TempDir
    Path dir;

    @Test
    void appendedEventsAreNumberedFromOneAndChained() {
        try (EventLog log = Fixtures.open(dir)) {
            AppendResult r = log.append(DOC, ExpectedVersion.noStream(),
                    Fixtures.event("document.created", DOC, "a"), Fixtures.event("entitytag.added", DOC, "b"));
            assertThat(r.nextExpectedVersion()).isEqualTo(2);
            assertThat(r.events()).extracting(StoredEvent::sequence).containsExactly(1L, 2L);
            assertThat(r.events().get(0).prevEventHash()).isNull();
            assertThat(r.events().get(1).prevEventHash()).isEqualTo(r.events().get(0).checksum());
            assertThat(r.events()).extracting(StoredEvent::position).containsExactly(1L, 2L);
        }
    }

    @Test
    void streamsLiveInTheOriginalShardedLayout() {
        try (EventLog log = Fixtures.open(dir)) {
            log.append(DOC, ExpectedVersion.any(), Fixtures.event("document.created", DOC, "a"));
            log.append("__system__", ExpectedVersion.any(), Fixtures.event("entitytype.added", null, "x"));
        }
        String shard = String.format("%04x", Math.abs((long) DOC.hashCode()) % 65536);
        assertThat(dir.resolve("events/" + shard.substring(0, 2) + "/" + shard.substring(2) + "/" + DOC
                + "/events-000001.jsonl")).exists();
        assertThat(dir.resolve("events/__system__/events-000001.jsonl")).exists();
    }

    @Test
    void theOriginalShardFunctionGivesTheVerifiedShard() {
        String id = "doc-sha256:faf8f1b7" + "0".repeat(48) + "ab05";
        assertThat(org.semiont.events.jsonl.StreamLayout.shard("__system__")).hasSize(4);
        assertThat(org.semiont.events.jsonl.StreamLayout.shard(id)).isEqualTo(
                String.format("%04x", Math.abs((long) id.hashCode()) % 65536));
    }

    @Test
    void aWrongExpectedVersionIsAConflictNamingBothVersions() {
        try (EventLog log = Fixtures.open(dir)) {
            log.append(DOC, ExpectedVersion.noStream(), Fixtures.event("document.created", DOC, "a"));
            assertThatThrownBy(() -> log.append(DOC, ExpectedVersion.exactly(5), Fixtures.event("x", DOC, "b")))
                    .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                        assertThat(e.actual()).isEqualTo(1);
                        assertThat(e.expected()).isEqualTo(ExpectedVersion.exactly(5));
                        assertThat(e.error()).isEqualTo(EventsError.STREAM_VERSION_CONFLICT);
                    });
            assertThatThrownBy(() -> log.append(DOC, ExpectedVersion.noStream(), Fixtures.event("x", DOC, "b")))
                    .isInstanceOf(WrongExpectedVersionException.class);
            assertThat(log.append(DOC, ExpectedVersion.exactly(1), Fixtures.event("x", DOC, "b"))
                    .nextExpectedVersion()).isEqualTo(2);
        }
    }

    @Test
    void anEventWhoseIdIsAlreadyStoredIsReturnedInsteadOfAppendedAgain() {
        try (EventLog log = Fixtures.open(dir)) {
            NewEvent e = Fixtures.event("document.created", DOC, "a").withId("11111111-1111-4111-8111-111111111111");
            StoredEvent first = log.append(DOC, ExpectedVersion.any(), e).events().get(0);
            AppendResult again = log.append(DOC, ExpectedVersion.noStream(), e);
            assertThat(again.duplicates()).isEqualTo(1);
            assertThat(again.events().get(0).checksum()).isEqualTo(first.checksum());
            assertThat(log.count(DOC)).isEqualTo(1);
        }
        try (EventLog log = Fixtures.open(dir)) {
            NewEvent e = Fixtures.event("document.created", DOC, "a").withId("11111111-1111-4111-8111-111111111111");
            assertThat(log.append(DOC, ExpectedVersion.any(), e).duplicates()).isEqualTo(1);
            assertThat(log.count(DOC)).isEqualTo(1);
        }
    }

    @Test
    void streamFilesRotateAtTheConfiguredEventCount() throws Exception {
        try (EventLog log = EventLog.open(dir, Fixtures.options().withEventsPerFile(3))) {
            for (int i = 0; i < 7; i++) {
                log.append(DOC, ExpectedVersion.exactly(i), Fixtures.event("x", DOC, "n" + i));
            }
            Path streamDir = log.eventsRoot().resolve(dir.relativize(dir)).resolve(
                    org.semiont.events.jsonl.StreamLayout.shard(DOC).substring(0, 2));
            assertThat(streamDir).exists();
            try (Stream<StoredEvent> s = log.readStream(DOC, 3)) {
                assertThat(s.map(StoredEvent::sequence)).containsExactly(3L, 4L, 5L, 6L, 7L);
            }
            assertThat(log.readLatest(DOC)).get().extracting(StoredEvent::sequence).isEqualTo(7L);
        }
        try (EventLog log = EventLog.open(dir, Fixtures.options().withEventsPerFile(3))) {
            log.append(DOC, ExpectedVersion.exactly(7), Fixtures.event("x", DOC, "n7"));
            assertThat(log.verify(DOC).clean()).isTrue();
            assertThat(log.verify(DOC).events()).isEqualTo(8);
        }
        try (Stream<Path> files = Files.walk(dir.resolve("events"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".jsonl")).map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet())).containsExactlyInAnyOrder(
                    "events-000001.jsonl", "events-000002.jsonl", "events-000003.jsonl");
        }
    }

    @Test
    void streamsEvictedFromTheCachesContinueTheirChainsFilesAndIdempotency() {
        EventLogOptions tiny = Fixtures.options().withStreamCacheSize(2).withMaxOpenFiles(2).withEventsPerFile(3);
        try (EventLog log = EventLog.open(dir, tiny)) {
            for (int i = 0; i < 80; i++) {
                String stream = "doc-" + (i % 10);
                log.append(stream, ExpectedVersion.exactly(i / 10), Fixtures.event("x", stream, "t" + i)
                        .withId("id-" + i));
            }
            assertThat(log.append("doc-0", ExpectedVersion.any(), Fixtures.event("x", "doc-0", "again")
                    .withId("id-0")).duplicates()).isEqualTo(1);
            VerifyReport r = log.verify(null);
            assertThat(r.defects()).isEmpty();
            assertThat(r.events()).isEqualTo(80);
            assertThat(log.count("doc-7")).isEqualTo(8);
        }
    }

    @Test
    void anEventThatCannotBeWrittenAsJsonIsRejected() {
        try (EventLog log = Fixtures.open(dir)) {
            com.fasterxml.jackson.databind.node.ObjectNode f = com.fasterxml.jackson.databind.node.JsonNodeFactory
                    .instance.objectNode().put("type", "x");
            f.putPOJO("payload", new Object());
            assertThatThrownBy(() -> log.append(DOC, ExpectedVersion.any(), new NewEvent(null, f)))
                    .isInstanceOfSatisfying(EventsException.class,
                            e -> assertThat(e.error()).isEqualTo(EventsError.INVALID_EVENT));
            assertThat(log.count(DOC)).isZero();
        }
    }

    @Test
    void queriesFilterByTypeUserAndLimit() {
        try (EventLog log = Fixtures.open(dir)) {
            for (int i = 0; i < 10; i++) {
                log.append(DOC, ExpectedVersion.any(), Fixtures.event(i % 2 == 0 ? "a.even" : "a.odd", DOC, "t"));
            }
            List<StoredEvent> odd = log.query(DOC, StreamQuery.all().types(Set.of("a.odd")).limit(3));
            assertThat(odd).extracting(StoredEvent::sequence).containsExactly(2L, 4L, 6L);
            assertThat(log.query(DOC, StreamQuery.all().userId("nobody"))).isEmpty();
            assertThat(log.streamIds()).containsExactly(DOC);
        }
    }

    /** The type filter's byte pass lets through events that merely mention a type, and never drops one of the type. */
    @Test
    void aTypeFilterFindsItsEventsAmongOnesThatMentionTheTypeAndWithTypesJsonEscapes() {
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        try (EventLog log = Fixtures.open(dir)) {
            log.append(DOC, ExpectedVersion.any(), NewEvent.of("note.added", DOC, "u", json.objectNode().put("about", "tag.added")));
            log.append(DOC, ExpectedVersion.any(), NewEvent.of("tag.added", DOC, "u", json.objectNode()));
            log.append(DOC, ExpectedVersion.any(), NewEvent.of("odd \"type\"\u00e9", DOC, "u", json.objectNode()));
            log.append(DOC, ExpectedVersion.any(), NewEvent.of("tag.added.later", DOC, "u", json.objectNode()));
            assertThat(log.query(DOC, StreamQuery.all().types(Set.of("tag.added")))).extracting(StoredEvent::sequence)
                    .containsExactly(2L);
            assertThat(log.query(DOC, StreamQuery.all().types(Set.of("odd \"type\"\u00e9")))).extracting(StoredEvent::sequence)
                    .containsExactly(3L);
            assertThat(log.query(DOC, StreamQuery.all().types(Set.of("note.added", "tag.added.later"))))
                    .extracting(StoredEvent::sequence).containsExactly(1L, 4L);
            assertThat(log.query(DOC, StreamQuery.all().types(Set.of("tag")))).isEmpty();
        }
    }

    @Test
    void readAllReturnsEveryEventInGlobalOrderFromAPosition() {
        try (EventLog log = Fixtures.open(dir)) {
            for (int i = 0; i < 20; i++) {
                log.append("s" + (i % 3), ExpectedVersion.any(), Fixtures.event("x", null, "t" + i));
            }
        }
        try (EventLog log = Fixtures.open(dir); Stream<StoredEvent> all = log.readAll(15)) {
            assertThat(all.map(StoredEvent::position)).containsExactly(15L, 16L, 17L, 18L, 19L, 20L);
            assertThat(log.lastPosition()).isEqualTo(20);
        }
    }

    @Test
    void streamIdsThatCouldEscapeTheDataDirectoryAreRejected() {
        try (EventLog log = Fixtures.open(dir)) {
            for (String bad : List.of("..", "a/b", "a\\b", "a\0b", "x".repeat(300), "")) {
                assertThatThrownBy(() -> log.append(bad, ExpectedVersion.any(), Fixtures.event("x", null, "t")))
                        .isInstanceOfSatisfying(EventsException.class,
                                e -> assertThat(e.error()).isEqualTo(EventsError.INVALID_STREAM_ID));
            }
            assertThat(log.append("doc-sha256:abc", ExpectedVersion.any(), Fixtures.event("x", null, "t"))
                    .nextExpectedVersion()).isEqualTo(1);
        }
    }

    @Test
    void aSecondWriterOnTheSameDirectoryIsRefused() {
        try (EventLog log = Fixtures.open(dir)) {
            assertThatThrownBy(() -> Fixtures.open(dir)).isInstanceOf(EventsException.class)
                    .hasMessageContaining("open for writing");
            assertThat(log.lastPosition()).isZero();
        }
    }
}
