package org.semiont.events.commit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.LineCodec;
import org.semiont.events.jsonl.StreamLayout;

/** Recovery from a global log written as a crashed process would have left it. */
class RecoveryTest {
    @TempDir
    Path dir;

    private final LineCodec codec = new LineCodec();

    private EventLine line(long seq, String prev) {
        return codec.encode(JsonNodeFactory.instance.objectNode().put("type", "x").put("id", "e" + seq)
                .put("timestamp", "2026-11-25T12:43:49.985Z"), seq, "2026-11-25T12:43:49.985Z", prev);
    }

    @Test
    void logRecordsMissingFromStreamFilesAreRestoredAndAnAppendCutShortIsDroppedWhole() throws Exception {
        StreamLayout layout = new StreamLayout(dir.resolve("events"));
        Path walDir = layout.root().resolve("_global");
        EventLine a1 = line(1, null);
        EventLine a2 = line(2, a1.checksum());
        EventLine b1 = line(1, null);
        long validEnd;
        try (WalWriter wal = new WalWriter(walDir, 1 << 20, Syncer.NONE)) {
            wal.openAt(1, 0);
            wal.write(List.of(new WalRecord(1, "doc-a", 1, false, a1.bytes()),
                    new WalRecord(2, "doc-a", 2, true, a2.bytes())));
            validEnd = wal.offset();
            wal.write(List.of(new WalRecord(3, "doc-b", 1, false, b1.bytes())));
        }
        StreamLoader loader = new StreamLoader(layout, Syncer.NONE);
        StreamFileWriters files = new StreamFileWriters(layout, 10, 4, Syncer.NONE);
        Recovery.Result r = new Recovery(walDir, loader, files).run();
        files.close();
        assertThat(r.lastPosition()).isEqualTo(2);
        assertThat(r.validEnd()).isEqualTo(validEnd);
        assertThat(r.restored()).isEqualTo(2);
        assertThat(Files.readAllLines(layout.file("doc-a", 1))).containsExactly(a1.text(), a2.text());
        assertThat(layout.files("doc-b")).isEmpty();
    }

    @Test
    void linesAlreadyInTheStreamFileAreNotWrittenTwice() throws Exception {
        StreamLayout layout = new StreamLayout(dir.resolve("events"));
        Path walDir = layout.root().resolve("_global");
        EventLine a1 = line(1, null);
        EventLine a2 = line(2, a1.checksum());
        Files.createDirectories(layout.streamDir("doc-a"));
        Files.writeString(layout.file("doc-a", 1), a1.text() + "\n" + a2.text().substring(0, 20));
        try (WalWriter wal = new WalWriter(walDir, 1 << 20, Syncer.NONE)) {
            wal.openAt(1, 0);
            wal.write(List.of(new WalRecord(1, "doc-a", 1, true, a1.bytes()),
                    new WalRecord(2, "doc-a", 2, true, a2.bytes())));
        }
        StreamFileWriters files = new StreamFileWriters(layout, 10, 4, Syncer.NONE);
        Recovery.Result r = new Recovery(walDir, new StreamLoader(layout, Syncer.NONE), files).run();
        files.close();
        assertThat(r.restored()).isEqualTo(1);
        assertThat(Files.readAllLines(layout.file("doc-a", 1))).containsExactly(a1.text(), a2.text());
    }
}
