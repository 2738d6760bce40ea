package org.semiont.events.commit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.semiont.events.jsonl.LineReader;
import org.semiont.events.jsonl.StreamLayout;

/**
 * Writes committed lines into the per-stream JSONL files, rotating every {@code eventsPerFile}
 * lines. Used by one thread at a time (the commit thread, or recovery before it starts). Files
 * are not fsynced per write: the global log is durable first, and {@link #forceAll()} runs at
 * checkpoints.
 */
final class StreamFileWriters implements Closeable {
    private static final ByteBuffer NEWLINE = ByteBuffer.wrap(new byte[] {'\n'}).asReadOnlyBuffer();

    private static final int POSITIONS = 100_000;

    private final StreamLayout layout;
    private final int eventsPerFile;
    private final Syncer syncer;
    private final Map<String, OpenFile> open;
    /** Where each recently closed stream stands, so reopening it does not count its lines again. */
    private final Map<String, long[]> positions;
    private final Map<Path, FileChannel> dirtyClosed = new HashMap<>();
    private final Set<Path> dirsToSync = new LinkedHashSet<>();

    private static final class OpenFile {
        FileChannel channel;
        Path path;
        int fileNumber;
        long count;
        boolean dirty;
    }

    StreamFileWriters(StreamLayout layout, int eventsPerFile, int maxOpen, Syncer syncer) {
        this.layout = layout;
        this.eventsPerFile = eventsPerFile;
        this.syncer = syncer;
        this.open = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, OpenFile> eldest) {
                if (size() <= maxOpen) {
                    return false;
                }
                retire(eldest.getValue());
                positions.put(eldest.getKey(), new long[] {eldest.getValue().fileNumber, eldest.getValue().count});
                return true;
            }
        };
        this.positions = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > POSITIONS;
            }
        };
    }

    void write(String streamId, byte[] line) throws IOException {
        OpenFile f = open.get(streamId);
        if (f == null) {
            f = openStream(streamId);
            open.put(streamId, f);
        }
        if (f.count >= eventsPerFile) {
            rotate(streamId, f);
        }
        ByteBuffer[] bufs = {ByteBuffer.wrap(line), NEWLINE.duplicate()};
        long want = line.length + 1L;
        long written = 0;
        while (written < want) {
            written += f.channel.write(bufs);
        }
        f.count++;
        f.dirty = true;
    }

    private OpenFile openStream(String streamId) throws IOException {
        Path dir = layout.streamDir(streamId);
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            for (Path p = dir; p != null && !p.equals(layout.root().getParent()); p = p.getParent()) {
                dirsToSync.add(p);
            }
        }
        OpenFile f = new OpenFile();
        long[] known = positions.remove(streamId);
        if (known != null) {
            f.fileNumber = (int) known[0];
            f.count = known[1];
            f.path = layout.file(streamId, f.fileNumber);
            f.channel = FileChannel.open(f.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return f;
        }
        List<Path> files = StreamLayout.eventFiles(dir);
        if (files.isEmpty()) {
            f.fileNumber = 1;
            f.path = layout.file(streamId, 1);
            dirsToSync.add(dir);
        } else {
            f.path = files.get(files.size() - 1);
            f.fileNumber = StreamLayout.fileNumber(f.path);
            f.count = countLines(f.path);
        }
        f.channel = FileChannel.open(f.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return f;
    }

    private void rotate(String streamId, OpenFile f) throws IOException {
        retire(f);
        f.fileNumber++;
        f.path = layout.file(streamId, f.fileNumber);
        f.channel = FileChannel.open(f.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        f.count = 0;
        f.dirty = false;
        dirsToSync.add(f.path.getParent());
    }

    /** Closes a file that leaves the working set; a dirty one is kept open until the next checkpoint. */
    private void retire(OpenFile f) {
        if (f.dirty) {
            dirtyClosed.put(f.path, f.channel);
        } else {
            closeQuietly(f.channel);
        }
    }

    private static long countLines(Path file) throws IOException {
        long n = 0;
        try (LineReader r = new LineReader(file)) {
            while (r.next() != null) {
                n++;
            }
        }
        return n;
    }

    /** Fsyncs every file written since the last call, and every new directory entry. */
    void forceAll() throws IOException {
        for (OpenFile f : open.values()) {
            if (f.dirty) {
                syncer.sync(f.channel);
                f.dirty = false;
            }
        }
        for (FileChannel ch : dirtyClosed.values()) {
            syncer.sync(ch);
            ch.close();
        }
        dirtyClosed.clear();
        for (Path dir : new ArrayList<>(dirsToSync)) {
            syncer.syncDirectory(dir);
        }
        dirsToSync.clear();
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // data not yet synced is recovered from the global log; a failed close changes nothing
        }
    }

    @Override
    public void close() throws IOException {
        forceAll();
        abandon();
    }

    /** Closes every file without syncing: after a failure nothing more is promised. */
    void abandon() {
        for (OpenFile f : open.values()) {
            closeQuietly(f.channel);
        }
        dirtyClosed.values().forEach(StreamFileWriters::closeQuietly);
        open.clear();
        dirtyClosed.clear();
    }
}
