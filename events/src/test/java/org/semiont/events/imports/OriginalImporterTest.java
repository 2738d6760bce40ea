package org.semiont.events.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.semiont.events.Defect;
import org.semiont.events.EventLog;
import org.semiont.events.EventsError;
import org.semiont.events.EventsException;
import org.semiont.events.StoredEvent;
import org.semiont.events.jsonl.JsJson;
import org.semiont.events.jsonl.StreamLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginalImporterTest {
    static final String DOC = "doc-sha256:faf8f1b7c0ffee00112233445566778899aabbccddeeff0011223344ab05";

    @TempDir
    Path tmp;

    static Path fixture(Path target) throws Exception {
        Path src = Path.of(OriginalImporterTest.class.getResource("/original-data").toURI());
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path to = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    @Test
    void theFixtureUsesTheShardTheOriginalFunctionGives() {
        assertThat(StreamLayout.shard(DOC)).isEqualTo("ba82");
    }

    @Test
    void anOriginalDataDirectoryIsImportedWithItsExactBytesAndGlobalPositions() throws Exception {
        Path original = fixture(tmp.resolve("original"));
        Path data = tmp.resolve("data");
        try (EventLog log = EventLog.open(data)) {
            ImportReport r = new OriginalImporter(log).importFrom(original);
            assertThat(r.clean()).isTrue();
            assertThat(r.streamsImported()).isEqualTo(2);
            assertThat(r.eventsImported()).isEqualTo(5);
            assertThat(log.verify(null).defects()).isEmpty();
            try (Stream<StoredEvent> all = log.readAll(1)) {
                assertThat(all.map(StoredEvent::position)).containsExactly(1L, 2L, 3L, 4L, 5L);
            }
            StoredEvent added = log.readStream(DOC, 2).findFirst().orElseThrow();
            assertThat(added.id()).isEqualTo("b9aa9a45-23d1-417f-a19d-64bb03a7fab0");
            assertThat(JsJson.toJson(added.event())).isEqualTo(added.eventJson());
        }
        Path copied = data.resolve("events/ba/82/" + DOC + "/events-000001.jsonl");
        Path source = original.resolve("events/events/ba/82/" + DOC + "/events-000001.jsonl");
        assertThat(Files.readAllBytes(copied)).isEqualTo(Files.readAllBytes(source));
    }

    @Test
    void streamsFoundWithoutAGlobalLogAreGivenPositionsWhenTheLogIsFirstOpened() throws Exception {
        Path original = fixture(tmp.resolve("original"));
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        Files.move(original.resolve("events/events"), data.resolve("events"));
        try (EventLog log = EventLog.open(data)) {
            assertThat(log.lastPosition()).isEqualTo(5);
            log.append(DOC, org.semiont.events.ExpectedVersion.exactly(3),
                    org.semiont.events.NewEvent.of("document.archived", DOC, "u1", null));
        }
        try (EventLog log = EventLog.open(data); Stream<StoredEvent> all = log.readAll(1)) {
            assertThat(all.map(e -> e.streamId() + "#" + e.sequence())).hasSize(6).contains(DOC + "#4");
            assertThat(log.verify(null).defects()).isEmpty();
        }
    }

    @Test
    void anImportNeverOverwritesAnExistingStream() throws Exception {
        Path original = fixture(tmp.resolve("original"));
        try (EventLog log = EventLog.open(tmp.resolve("data"))) {
            new OriginalImporter(log).importFrom(original);
            ImportReport again = new OriginalImporter(log).importFrom(original);
            assertThat(again.skippedExisting()).containsExactlyInAnyOrder(DOC, "__system__");
            assertThat(again.eventsImported()).isZero();
            assertThat(log.count(DOC)).isEqualTo(3);
        }
    }

    @Test
    void aStreamWithADefectIsRefusedWholeAndTheDefectIsNamed() throws Exception {
        Path original = fixture(tmp.resolve("original"));
        Path file = original.resolve("events/events/ba/82/" + DOC + "/events-000001.jsonl");
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("Organization", "Organisation");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try (EventLog log = EventLog.open(tmp.resolve("data"))) {
            ImportReport r = new OriginalImporter(log).importFrom(original);
            assertThat(r.refused()).singleElement().asString().startsWith(DOC);
            assertThat(r.defects()).extracting(Defect::kind, Defect::sequence)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Defect.Kind.CHECKSUM_MISMATCH, 3L));
            assertThat(log.count(DOC)).isZero();
            assertThat(log.count("__system__")).isEqualTo(2);
        }
    }

    @Test
    void aDirectoryWhoseEventsFolderHoldsTheShardsDirectlyIsAccepted() throws Exception {
        Path original = fixture(tmp.resolve("original"));
        Path flat = tmp.resolve("flat");
        Files.createDirectories(flat);
        Files.move(original.resolve("events/events"), flat.resolve("events"));
        assertThat(OriginalImporter.sourceRoot(flat)).isEqualTo(flat.resolve("events"));
    }

    @Test
    void aDirectoryWithoutEventsIsRejectedWithTheLayoutItExpects() {
        assertThatThrownBy(() -> OriginalImporter.sourceRoot(tmp))
                .isInstanceOfSatisfying(EventsException.class,
                        e -> assertThat(e.error()).isEqualTo(EventsError.IMPORT_SOURCE_INVALID))
                .hasMessageContaining("events/events/");
    }
}
