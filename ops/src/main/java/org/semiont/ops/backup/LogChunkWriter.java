package org.semiont.ops.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.semiont.events.StoredEvent;
import org.semiont.events.chain.Sha256;
import org.semiont.ops.target.BackupTarget;

/**
 * Writes events in position order as records {@code position TAB streamId TAB line NEWLINE} into chunk files of
 * about {@code chunkBytes}, hashing as it writes; the line bytes are exactly those of the log.
 */
public final class LogChunkWriter implements AutoCloseable {
    private final BackupTarget target;
    private final String dir;
    private final long chunkBytes;
    private final List<Manifest.LogChunk> chunks = new ArrayList<>();
    private OutputStream out;
    private MessageDigest digest;
    private String key;
    private long first;
    private long last;
    private long size;

    public LogChunkWriter(BackupTarget target, String dir, long chunkBytes) {
        this.target = target;
        this.dir = dir;
        this.chunkBytes = chunkBytes;
    }

    public void write(StoredEvent e) throws IOException {
        if (out == null) {
            open(e.position());
        }
        byte[] head = (e.position() + "\t" + e.streamId() + "\t").getBytes(StandardCharsets.UTF_8);
        byte[] line = e.line().bytes();
        out.write(head);
        out.write(line);
        out.write('\n');
        size += head.length + line.length + 1;
        last = e.position();
        if (size >= chunkBytes) {
            finish();
        }
    }

    private void open(long position) throws IOException {
        key = dir + String.format("log-%012d.records", position);
        digest = Sha256.newDigest();
        out = new BufferedOutputStream(new DigestOutputStream(target.create(key), digest), 1 << 16);
        first = position;
        size = 0;
    }

    private void finish() throws IOException {
        out.close();
        chunks.add(new Manifest.LogChunk(key, first, last, size, Sha256.toHex(digest.digest())));
        out = null;
    }

    /** The chunks written, once closed. */
    public List<Manifest.LogChunk> chunks() {
        return List.copyOf(chunks);
    }

    public long bytes() {
        return chunks.stream().mapToLong(Manifest.LogChunk::size).sum();
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            finish();
        }
    }
}
