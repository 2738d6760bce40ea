package org.semiont.events.commit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.StoredEvent;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.LineCodec;
import org.semiont.events.jsonl.StreamLayout;

/** The global log's segments are extended with zeros ahead of their records; readers and recovery stop at them. */
class WalPreallocationTest {
    @TempDir
    Path dir;

    private final LineCodec codec = new LineCodec();

    private WalRecord record(long position) {
        EventLine l = codec.encode(JsonNodeFactory.instance.objectNode().put("type", "x").put("id", "e" + position)
                .put("timestamp", "2026-11-26T01:00:00.000Z"), 1, "2026-11-26T01:00:00.000Z", null);
        return new WalRecord(position, "s" + position, 1, true, l.bytes());
    }

    private Path walDir() {
        return new StreamLayout(dir.resolve("events")).root().resolve("_global");
    }

    private Path segment() {
        return WalSegments.path(walDir(), 1);
    }

    @Test
    void recordsGoIntoZerosThatAreDurableBeforeThem() throws IOException {
        List<Long> sizesAtSync = new ArrayList<>();
        Syncer recording = new Syncer() {
            @Override
            public void sync(FileChannel channel) throws IOException {
                sizesAtSync.add(channel.size());
            }

            @Override
            public void syncDirectory(Path d) {
            }
        };
        try (WalWriter wal = new WalWriter(walDir(), 1 << 30, recording)) {
            wal.openAt(1, 0);
            wal.write(List.of(record(1)));
            long afterFirst = Files.size(segment());
            assertThat(afterFirst).isEqualTo(WalWriter.MIN_STEP).isGreaterThan(wal.offset());
            assertThat(sizesAtSync).containsExactly((long) WalWriter.MIN_STEP); // the zeros, synced before the record
            wal.force();
            wal.write(List.of(record(2)));
            wal.force();
            assertThat(Files.size(segment())).as("the second record only overwrote zeros").isEqualTo(afterFirst);
            assertThat(sizesAtSync).hasSize(3);
            try (FileChannel ch = FileChannel.open(segment())) {
                assertThat(WalScanner.onlyZeros(ch, wal.offset())).isTrue();
            }
        }
    }

    @Test
    void stepsDoubleUpToTheMaximumAndStopAtTheSegmentSize() throws IOException {
        long segmentBytes = 3L * WalWriter.MAX_STEP;
        try (WalWriter wal = new WalWriter(walDir(), segmentBytes, Syncer.NONE)) {
            wal.openAt(1, 0);
            List<Long> sizes = new ArrayList<>();
            long position = 0;
            while (wal.offset() < segmentBytes - 4096) {
                wal.write(List.of(record(++position)));
                long size = Files.size(segment());
                if (sizes.isEmpty() || sizes.get(sizes.size() - 1) != size) {
                    sizes.add(size);
                }
            }
            assertThat(sizes.get(0)).isEqualTo(WalWriter.MIN_STEP);
            assertThat(sizes.get(1)).isEqualTo(2L * WalWriter.MIN_STEP);
            for (int i = 1; i < sizes.size(); i++) {
                assertThat(sizes.get(i) - sizes.get(i - 1)).isLessThanOrEqualTo(WalWriter.MAX_STEP);
            }
            assertThat(sizes.get(sizes.size() - 1)).isEqualTo(segmentBytes);
        }
    }

    @Test
    void aReaderSeesRecordsWrittenOverZerosItHadAlreadyRead() throws IOException {
        AtomicLong committed = new AtomicLong();
        try (WalWriter wal = new WalWriter(walDir(), 1 << 30, Syncer.NONE);
             GlobalReader reader = new GlobalReader(walDir(), 1, committed::get)) {
            wal.openAt(1, 0);
            wal.write(List.of(record(1)));
            committed.set(1);
            assertThat(reader.next().position()).isEqualTo(1);
            assertThat(reader.next()).isNull(); // its window now holds the zeros after record 1
            wal.write(List.of(record(2), record(3)));
            committed.set(3);
            List<Long> read = new ArrayList<>();
            for (StoredEvent e = reader.next(); e != null; e = reader.next()) {
                read.add(e.position());
            }
            assertThat(read).containsExactly(2L, 3L);
        }
    }

    @Test
    void recoveryKeepsAZeroTailAndCutsBytesLeftBeyondIt() throws IOException {
        StreamLayout layout = new StreamLayout(dir.resolve("events"));
        long end;
        try (WalWriter wal = new WalWriter(walDir(), 1 << 30, Syncer.NONE)) {
            wal.openAt(1, 0);
            wal.write(List.of(record(1), record(2)));
            end = wal.offset();
        }
        assertThat(recover(layout).validEnd()).isEqualTo(end);
        assertThat(Files.size(segment())).as("clean zeros are kept").isEqualTo(WalWriter.MIN_STEP);
        try (WalWriter wal = new WalWriter(walDir(), 1 << 30, Syncer.NONE)) {
            wal.openAt(1, end);
            assertThat(Files.size(segment())).isEqualTo(WalWriter.MIN_STEP);
        }

        // a crash mid-append can leave a later page of it on disk and not the one before: zeros, then a whole record
        ByteBuffer stray = ByteBuffer.allocate(record(3).encodedSize());
        record(3).encode(stray);
        try (FileChannel ch = FileChannel.open(segment(), StandardOpenOption.WRITE)) {
            ch.write(stray.flip(), end + 4096);
        }
        Recovery.Result r = recover(layout);
        assertThat(r.lastPosition()).isEqualTo(2);
        try (WalWriter wal = new WalWriter(walDir(), 1 << 30, Syncer.NONE)) {
            wal.openAt(1, r.validEnd());
            assertThat(Files.size(segment())).as("the stray record is cut").isEqualTo(end);
            wal.write(List.of(record(3)));
        }
        assertThat(recover(layout).lastPosition()).isEqualTo(3);
    }

    private Recovery.Result recover(StreamLayout layout) throws IOException {
        StreamFileWriters files = new StreamFileWriters(layout, 10, 4, Syncer.NONE);
        try {
            return new Recovery(walDir(), new StreamLoader(layout, Syncer.NONE), files).run();
        } finally {
            files.close();
        }
    }
}
