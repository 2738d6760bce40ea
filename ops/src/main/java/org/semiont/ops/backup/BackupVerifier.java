package org.semiont.ops.backup;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.semiont.events.Defect;
import org.semiont.events.chain.ChainCheck;
import org.semiont.events.chain.Sha256;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.LineCodec;
import org.semiont.events.jsonl.LineFormatException;
import org.semiont.ops.OpsException;
import org.semiont.ops.target.BackupTarget;

/**
 * Checks backups end to end: every file's size and SHA-256 against the manifest, the manifest's own consistency
 * (contiguous positions from the parent on), and the log's hash chains replayed from the full backup, each backup's
 * recorded chain heads compared with what its log makes of them.
 */
public final class BackupVerifier {
    private final BackupTarget target;
    private final BackupCatalog catalog;
    private final LineCodec codec = new LineCodec();

    public BackupVerifier(BackupTarget target, BackupCatalog catalog) {
        this.target = target;
        this.catalog = catalog;
    }

    /** Verifies these backups and every backup their restore needs. */
    public VerifyOutcome verify(List<Manifest> backups) {
        long start = System.nanoTime();
        Tally t = new Tally();
        Set<String> verified = new LinkedHashSet<>();
        Set<String> contentDone = new java.util.HashSet<>();
        for (Manifest m : backups) {
            List<Manifest> chain;
            try {
                chain = catalog.chain(m);
            } catch (OpsException e) {
                t.add(new BackupDefect(m.id(), null, BackupDefect.Kind.MISSING_PARENT, e.getMessage()));
                continue;
            }
            replayChain(chain, t, verified);
            for (Manifest.FileEntry f : m.content()) {
                if (contentDone.add(f.key())) {
                    checkFile(m.id(), f, t);
                }
            }
            m.secrets().forEach(f -> checkFile(m.id(), f, t));
            // a restore may load the projection snapshot of any backup of the chain
            chain.forEach(b -> b.snapshotFiles().stream().filter(f -> contentDone.add(f.key())).forEach(f -> checkFile(b.id(), f, t)));
        }
        catalog.unreadable().forEach(u -> t.add(new BackupDefect(u.substring(0, u.indexOf(':')), "manifest.json",
                BackupDefect.Kind.UNREADABLE_MANIFEST, u.substring(u.indexOf(':') + 2))));
        return new VerifyOutcome(new ArrayList<>(verified), new ArrayList<>(t.defects), t.events, t.bytes,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static final class Tally {
        final Set<BackupDefect> defects = new LinkedHashSet<>();
        long events;
        long bytes;

        void add(BackupDefect d) {
            defects.add(d);
        }
    }

    /** Replays a chain's log from the full backup, checking each backup's files, consistency and chain heads. */
    private void replayChain(List<Manifest> chain, Tally t, Set<String> verified) {
        Map<String, StreamHead> heads = new HashMap<>();
        long expected = 1;
        for (Manifest m : chain) {
            checkRange(m, expected, t);
            for (Manifest.LogChunk c : m.chunks()) {
                expected = replayChunk(m, c, expected, heads, t);
            }
            expected = m.log().lastPosition() + 1;
            compareHeads(m, heads, t);
            verified.add(m.id());
        }
    }

    private void checkRange(Manifest m, long expectedFirst, Tally t) {
        if (m.log().firstPosition() != expectedFirst) {
            t.add(new BackupDefect(m.id(), "manifest.json", BackupDefect.Kind.MANIFEST_INCONSISTENT, "its log starts at position "
                    + m.log().firstPosition() + " but its parent ends at " + (expectedFirst - 1)));
        }
        long next = m.log().firstPosition();
        for (Manifest.LogChunk c : m.chunks()) {
            if (c.first() != next) {
                t.add(new BackupDefect(m.id(), c.key(), BackupDefect.Kind.MANIFEST_INCONSISTENT, "chunk starts at position "
                        + c.first() + " where " + next + " was expected"));
            }
            next = c.last() + 1;
        }
        if (next != m.log().lastPosition() + 1) {
            t.add(new BackupDefect(m.id(), "manifest.json", BackupDefect.Kind.MANIFEST_INCONSISTENT, "its chunks end at position "
                    + (next - 1) + " but the log range ends at " + m.log().lastPosition()));
        }
    }

    private static final class StreamHead {
        final ChainCheck check;
        final List<Defect> defects = new ArrayList<>();
        long sequence;
        String checksum;

        StreamHead(String stream) {
            this.check = new ChainCheck(stream, defects);
        }
    }

    private long replayChunk(Manifest m, Manifest.LogChunk c, long expected, Map<String, StreamHead> heads, Tally t) {
        MessageDigest md = Sha256.newDigest();
        long size;
        try (InputStream raw = target.open(c.key()); CountingStream counted = new CountingStream(new DigestInputStream(raw, md));
             LogRecordReader reader = new LogRecordReader(counted)) {
            for (LogRecord r; (r = nextOrNull(reader, m, c, t)) != null; ) {
                if (r.position() != expected) {
                    t.add(new BackupDefect(m.id(), c.key(), BackupDefect.Kind.BROKEN_CHAIN, "record " + reader.lineNo()
                            + " has position " + r.position() + " where " + expected + " was expected"));
                }
                expected = r.position() + 1;
                acceptLine(m, c, reader.lineNo(), r, heads, t);
                t.events++;
            }
            size = counted.count;
        } catch (java.nio.file.NoSuchFileException e) {
            t.add(new BackupDefect(m.id(), c.key(), BackupDefect.Kind.MISSING_FILE, "the file is not in the target"));
            return c.last() + 1;
        } catch (IOException e) {
            t.add(new BackupDefect(m.id(), c.key(), BackupDefect.Kind.MISSING_FILE, "cannot be read: " + e.getMessage()));
            return c.last() + 1;
        }
        t.bytes += size;
        compareFile(m.id(), c.key(), c.size(), c.sha256(), size, Sha256.toHex(md.digest()), t);
        return expected;
    }

    private static LogRecord nextOrNull(LogRecordReader reader, Manifest m, Manifest.LogChunk c, Tally t) throws IOException {
        while (true) {
            try {
                return reader.next();
            } catch (LogRecordReader.MalformedRecord e) {
                t.add(new BackupDefect(m.id(), c.key(), BackupDefect.Kind.MALFORMED_RECORD, "record " + e.lineNo() + ": " + e.getMessage()));
            }
        }
    }

    private void acceptLine(Manifest m, Manifest.LogChunk c, long lineNo, LogRecord r, Map<String, StreamHead> heads, Tally t) {
        StreamHead h = heads.computeIfAbsent(r.streamId(), StreamHead::new);
        EventLine line;
        try {
            line = codec.parse(r.line());
        } catch (LineFormatException e) {
            h.check.malformed(c.key(), lineNo, e.getMessage());
            drain(m, h, t);
            return;
        }
        h.check.accept(c.key(), lineNo, line);
        h.sequence = line.sequence();
        h.checksum = line.checksum();
        drain(m, h, t);
    }

    private static void drain(Manifest m, StreamHead h, Tally t) {
        for (Defect d : h.defects) {
            t.add(new BackupDefect(m.id(), d.file(), BackupDefect.Kind.BROKEN_CHAIN, "record " + d.line() + ", stream "
                    + d.streamId() + " event " + d.sequence() + ": " + d.kind() + ": " + d.detail()));
        }
        h.defects.clear();
    }

    private static void compareHeads(Manifest m, Map<String, StreamHead> heads, Tally t) {
        Map<String, Manifest.Head> actual = new LinkedHashMap<>();
        heads.forEach((s, h) -> actual.put(s, new Manifest.Head(h.sequence, h.checksum)));
        if (!actual.equals(m.streams())) {
            long differing = m.streams().entrySet().stream().filter(e -> !e.getValue().equals(actual.get(e.getKey()))).count()
                    + actual.keySet().stream().filter(s -> !m.streams().containsKey(s)).count();
            t.add(new BackupDefect(m.id(), "manifest.json", BackupDefect.Kind.MANIFEST_INCONSISTENT, differing
                    + " stream head(s) recorded in the manifest differ from what its log holds"));
        }
    }

    private void checkFile(String backupId, Manifest.FileEntry f, Tally t) {
        try (InputStream in = target.open(f.key())) {
            Manifest.FileEntry actual = FileCopies.hash(in, f.key());
            t.bytes += actual.size();
            compareFile(backupId, f.key(), f.size(), f.sha256(), actual.size(), actual.sha256(), t);
        } catch (java.nio.file.NoSuchFileException e) {
            t.add(new BackupDefect(backupId, f.key(), BackupDefect.Kind.MISSING_FILE, "the file is not in the target"));
        } catch (IOException e) {
            t.add(new BackupDefect(backupId, f.key(), BackupDefect.Kind.MISSING_FILE, "cannot be read: " + e.getMessage()));
        }
    }

    private static void compareFile(String id, String key, long size, String sha, long actualSize, String actualSha, Tally t) {
        if (actualSize != size) {
            t.add(new BackupDefect(id, key, BackupDefect.Kind.SIZE_MISMATCH, actualSize + " bytes where the manifest says " + size));
        } else if (!actualSha.equals(sha)) {
            t.add(new BackupDefect(id, key, BackupDefect.Kind.CHECKSUM_MISMATCH, "SHA-256 " + actualSha + " where the manifest says " + sha));
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
