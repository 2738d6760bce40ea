package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptionTest {
    private static final String DOC = "doc-corrupt";

    @TempDir
    Path dir;

    private Path writeStream(int n) throws Exception {
        try (EventLog log = Fixtures.open(dir)) {
            for (int i = 0; i < n; i++) {
                log.append(DOC, ExpectedVersion.any(), Fixtures.event("x", DOC, "event number " + i));
            }
        }
        try (var s = Files.walk(dir.resolve("events"))) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
    }

    private VerifyReport verify() {
        try (EventLog log = EventLog.open(dir, Fixtures.options().withReadOnly(true))) {
            return log.verify(null);
        }
    }

    @Test
    void aFlippedByteInAnEventIsReportedAsAChecksumMismatchWithItsLocation() throws Exception {
        Path file = writeStream(5);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("event number 2");
        bytes[at] = 'E';
        Files.write(file, bytes);
        VerifyReport r = verify();
        assertThat(r.defects()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Defect.Kind.CHECKSUM_MISMATCH);
            assertThat(d.streamId()).isEqualTo(DOC);
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.sequence()).isEqualTo(3);
            assertThat(d.file()).endsWith("events-000001.jsonl");
        });
    }

    @Test
    void aDeletedLineIsReportedAsAGapAndABrokenLink() throws Exception {
        Path file = writeStream(5);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(2);
        Files.write(file, lines);
        VerifyReport r = verify();
        assertThat(r.defects()).extracting(Defect::kind)
                .containsExactlyInAnyOrder(Defect.Kind.SEQUENCE_GAP, Defect.Kind.BROKEN_LINK);
        assertThat(r.defects()).allSatisfy(d -> assertThat(d.sequence()).isEqualTo(4));
    }

    @Test
    void aTornFinalLineIsReportedThenCutWhenTheLogIsOpenedForWriting() throws Exception {
        Path file = writeStream(3);
        Files.write(file, "{\"event\":{\"type\":\"x\"".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(verify().defects()).extracting(Defect::kind).containsExactly(Defect.Kind.TORN_TAIL);
        try (EventLog log = Fixtures.open(dir)) {
            assertThat(log.append(DOC, ExpectedVersion.exactly(3), Fixtures.event("x", DOC, "after"))
                    .nextExpectedVersion()).isEqualTo(4);
        }
        assertThat(verify().defects()).isEmpty();
    }

    @Test
    void aStreamCopiedInByHandIsReportedAsMissingFromTheGlobalLog() throws Exception {
        Path file = writeStream(2);
        Path copyDir = dir.resolve("events").resolve(org.semiont.events.jsonl.StreamLayout.shard("doc-copy")
                .substring(0, 2)).resolve(org.semiont.events.jsonl.StreamLayout.shard("doc-copy").substring(2))
                .resolve("doc-copy");
        Files.createDirectories(copyDir);
        Files.copy(file, copyDir.resolve("events-000001.jsonl"));
        VerifyReport r = verify();
        assertThat(r.defects()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Defect.Kind.NOT_IN_GLOBAL_LOG);
            assertThat(d.streamId()).isEqualTo("doc-copy");
            assertThat(d.sequence()).isEqualTo(1);
        });
    }

    @Test
    void aCorruptLineInTheMiddleIsNeverRepaired() throws Exception {
        Path file = writeStream(4);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        bytes[text.indexOf("event number 1")] = 'X';
        Files.write(file, bytes);
        try (EventLog log = Fixtures.open(dir)) {
            log.append(DOC, ExpectedVersion.any(), Fixtures.event("x", DOC, "more"));
        }
        assertThat(verify().defects()).extracting(Defect::kind).containsExactly(Defect.Kind.CHECKSUM_MISMATCH);
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains("Xvent number 1");
    }
}
