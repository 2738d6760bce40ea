package org.semiont.events.commit;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import org.semiont.events.StoredEvent;
import org.semiont.events.jsonl.LineCodec;
import org.semiont.events.jsonl.LineFormatException;

/**
 * Reads the global log in position order from a starting position, never past what is committed.
 * A live reader keeps its place: after {@link #next()} returns null, call it again later.
 */
public final class GlobalReader implements Closeable {
    private final Path walDir;
    private final LongSupplier committed;
    private final LineCodec codec = new LineCodec();
    private long nextPosition;
    private WalScanner scanner;
    private long segmentFirst = -1;

    public GlobalReader(Path walDir, long fromPosition, LongSupplier committed) {
        this.walDir = walDir;
        this.nextPosition = Math.max(1, fromPosition);
        this.committed = committed;
    }

    /** The next committed event at or after the start position, or null if there is none yet. */
    public StoredEvent next() {
        try {
            while (nextPosition <= committed.getAsLong()) {
                if (scanner == null && !openSegmentFor(nextPosition)) {
                    return null;
                }
                WalRecord r = scanner.next();
                if (r == null) {
                    if (!advanceSegment()) {
                        return null;
                    }
                    continue;
                }
                if (r.position() >= nextPosition) {
                    nextPosition = r.position() + 1;
                    return new StoredEvent(r.streamId(), r.position(), codec.parse(r.line()));
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the global log in " + walDir, e);
        } catch (LineFormatException e) {
            throw new IllegalStateException("the global log holds a malformed line before position " + nextPosition, e);
        }
    }

    private boolean openSegmentFor(long position) throws IOException {
        List<Path> segs = WalSegments.list(walDir);
        if (segs.isEmpty()) {
            return false;
        }
        Path seg = segs.get(WalSegments.indexFor(segs, position));
        scanner = new WalScanner(seg, 0);
        segmentFirst = WalSegments.firstPosition(seg);
        return true;
    }

    /** Moves to the next segment if the committed position lies beyond this one. */
    private boolean advanceSegment() throws IOException {
        List<Path> segs = WalSegments.list(walDir);
        for (Path p : segs) {
            long first = WalSegments.firstPosition(p);
            if (first > segmentFirst && first <= nextPosition) {
                scanner.close();
                scanner = new WalScanner(p, 0);
                segmentFirst = first;
                return true;
            }
        }
        return false;
    }

    /** The last intact position in the log, read from the checkpoint on (for read-only users). */
    public static long lastPosition(Path walDir) {
        try {
            Checkpoint cp = Checkpoint.read(walDir);
            long last = cp.position();
            List<Path> segs = WalSegments.list(walDir);
            for (Path seg : segs) {
                long first = WalSegments.firstPosition(seg);
                if (first < cp.segmentFirst()) {
                    continue;
                }
                try (WalScanner sc = new WalScanner(seg, first == cp.segmentFirst() ? cp.offset() : 0)) {
                    WalRecord r;
                    while ((r = sc.next()) != null) {
                        last = r.position();
                    }
                }
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the global log in " + walDir, e);
        }
    }

    public long nextPosition() {
        return nextPosition;
    }

    @Override
    public void close() {
        if (scanner != null) {
            try {
                scanner.close();
            } catch (IOException ignored) {
                // read-only handle
            }
        }
    }
}
