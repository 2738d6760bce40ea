package org.semiont.ops.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.semiont.events.Defect;
import org.semiont.events.chain.ChainCheck;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.LineCodec;
import org.semiont.events.jsonl.LineFacts;
import org.semiont.events.jsonl.LineFormatException;
import org.semiont.ops.OpsException;
import org.semiont.ops.archive.ArchiveCatalog;
import org.semiont.ops.archive.ArchiveSegment;
import org.semiont.ops.target.BackupTarget;

/**
 * Checks backups end to end: every file's size and SHA-256 against the manifest, the manifest's own consistency
 * (contiguous positions from the parent on), and the log's hash chains replayed from the full backup, each backup's
 * recorded chain heads compared with what its log makes of them.
 */
public final class BackupVerifier {
    private final BackupTarget target;
    private final BackupCatalog catalog;
    /** Threads loading and hashing log chunks ahead of the replay (which runs on the caller's thread). */
    private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private final LineCodec codec = new LineCodec();
    private final LineFacts facts = new LineFacts();

    public BackupVerifier(BackupTarget target, BackupCatalog catalog) {
        this.target = target;
        this.catalog = catalog;
    }

    /** Verifies these backups and every backup their restore needs. */
    public VerifyOutcome verify(List<Manifest> backups) {
        return verify(backups, null, false);
    }

    /**
     * Verifies these backups and every backup their restore needs; when they include the target's newest backup, also
     * the archived segments that continue it (what a restore to the latest reads): each segment's files and its events
     * replayed on from the backup's chain heads. With {@code allSegments}, the files of every other segment too.
     */
    public VerifyOutcome verify(List<Manifest> backups, ArchiveCatalog archive, boolean allSegments) {
        long start = System.nanoTime();
        List<String> segments = new ArrayList<>();
        Tally t = new Tally();
        Set<String> verified = new LinkedHashSet<>();
        Set<String> contentDone = new java.util.HashSet<>();
        Set<String> replayedByDescendant = ancestorsAmong(backups);
        for (Manifest m : backups) {
            List<Manifest> chain;
            try {
                chain = catalog.chain(m);
            } catch (OpsException e) {
                t.add(new BackupDefect(m.id(), null, BackupDefect.Kind.MISSING_PARENT, e.getMessage()));
                continue;
            }
            if (!replayedByDescendant.contains(m.id())) {
                Replay r = replayChain(chain, t, verified);
                if (archive != null && catalog.newest().filter(n -> n.id().equals(m.id())).isPresent()) {
                    segments.addAll(replaySegments(m, archive, r, t, contentDone));
                }
            }
            for (Manifest.FileEntry f : m.content()) {
                if (contentDone.add(f.key())) {
                    checkFile(m.id(), f, t);
                }
            }
            m.secrets().forEach(f -> checkFile(m.id(), f, t));
            // a restore may load the projection snapshot of any backup of the chain
            chain.forEach(b -> b.snapshotFiles().stream().filter(f -> contentDone.add(f.key())).forEach(f -> checkFile(b.id(), f, t)));
        }
        if (archive != null && allSegments) {
            segments.addAll(checkOtherSegments(archive, segments, t, contentDone));
        }
        catalog.unreadable().forEach(u -> t.add(new BackupDefect(u.substring(0, u.indexOf(':')), "manifest.json",
                BackupDefect.Kind.UNREADABLE_MANIFEST, u.substring(u.indexOf(':') + 2))));
        return new VerifyOutcome(new ArrayList<>(verified), new ArrayList<>(t.defects), t.events, t.bytes,
                (System.nanoTime() - start) / 1_000_000, segments);
    }

    /**
     * The backups of the list that are in the chain of another one of it: replaying the longer chain checks them
     * exactly as replaying their own would, so each event is read once.
     */
    private Set<String> ancestorsAmong(List<Manifest> backups) {
        Set<String> asked = new java.util.HashSet<>();
        backups.forEach(m -> asked.add(m.id()));
        Set<String> ancestors = new java.util.HashSet<>();
        for (Manifest m : backups) {
            for (String p = m.parent(); p != null && catalog.find(p).isPresent(); p = catalog.find(p).get().parent()) {
                if (asked.contains(p)) {
                    ancestors.add(p);
                }
            }
        }
        return ancestors;
    }

    private static final class Tally {
        final Set<BackupDefect> defects = new LinkedHashSet<>();
        long events;
        long bytes;

        void add(BackupDefect d) {
            defects.add(d);
        }
    }

    /** Where a replay stands: each stream's chain head and the next position expected. */
    private static final class Replay {
        final Map<String, StreamHead> heads = new HashMap<>();
        long expected = 1;
    }

    /** Replays a chain's log from the full backup, checking each backup's files, consistency and chain heads. */
    private Replay replayChain(List<Manifest> chain, Tally t, Set<String> verified) {
        Replay r = new Replay();
        List<Manifest.LogChunk> all = new ArrayList<>();
        chain.forEach(m -> all.addAll(m.chunks()));
        int next = 0;
        try (ChunkPrefetch chunks = new ChunkPrefetch(target, all, THREADS)) {
            for (Manifest m : chain) {
                checkRange(m, r.expected, t);
                for (int i = 0; i < m.chunks().size(); i++) {
                    r.expected = replayChunk(m.id(), chunks.take(next++), r.expected, 0, r.heads, t);
                }
                r.expected = m.log().lastPosition() + 1;
                compareHeads(m, r.heads, t);
                verified.add(m.id());
            }
        }
        return r;
    }

    /**
     * The segments that continue backup {@code m} without a gap, replayed on from its chain heads: events a segment
     * shares with what came before are read (its files are checked whole) but not replayed twice.
     */
    private List<String> replaySegments(Manifest m, ArchiveCatalog archive, Replay r, Tally t, Set<String> contentDone) {
        if (m.logId() == null) {
            return List.of();
        }
        List<ArchiveSegment> run = archive.continuing(m.logId(), m.log().lastPosition());
        List<Manifest.LogChunk> all = new ArrayList<>();
        run.forEach(s -> all.addAll(s.chunks()));
        List<String> ids = new ArrayList<>();
        long done = m.log().lastPosition();
        int next = 0;
        try (ChunkPrefetch chunks = new ChunkPrefetch(target, all, THREADS)) {
            for (ArchiveSegment s : run) {
                String owner = segmentId(s);
                checkSegmentRange(s, owner, t);
                r.expected = done + 1;
                for (int i = 0; i < s.chunks().size(); i++) {
                    r.expected = Math.max(r.expected, replayChunk(owner, chunks.take(next++), r.expected, done, r.heads, t));
                }
                done = Math.max(done, s.last());
                checkFiles(owner, s.content(), t, contentDone);
                ids.add(owner);
            }
        }
        return ids;
    }

    /** The files (size and SHA-256) of the segments not replayed: no restore reads them today, but they are kept. */
    private List<String> checkOtherSegments(ArchiveCatalog archive, List<String> replayed, Tally t, Set<String> contentDone) {
        List<String> ids = new ArrayList<>();
        for (ArchiveSegment s : archive.all()) {
            String owner = segmentId(s);
            if (replayed.contains(owner)) {
                continue;
            }
            checkSegmentRange(s, owner, t);
            s.chunks().forEach(c -> checkFile(owner, new Manifest.FileEntry(c.key(), c.size(), c.sha256()), t));
            checkFiles(owner, s.content(), t, contentDone);
            ids.add(owner);
        }
        return ids;
    }

    private void checkFiles(String owner, List<Manifest.FileEntry> files, Tally t, Set<String> contentDone) {
        files.stream().filter(f -> contentDone.add(f.key())).forEach(f -> checkFile(owner, f, t));
    }

    /** A segment as defects name it: its folder in the target, {@code archive/<logId>/<first position>}. */
    public static String segmentId(ArchiveSegment s) {
        return s.dir().substring(0, s.dir().length() - 1);
    }

    private static void checkSegmentRange(ArchiveSegment s, String owner, Tally t) {
        long next = s.first();
        for (Manifest.LogChunk c : s.chunks()) {
            if (c.first() != next) {
                t.add(new BackupDefect(owner, c.key(), BackupDefect.Kind.MANIFEST_INCONSISTENT, "chunk starts at position "
                        + c.first() + " where " + next + " was expected"));
            }
            next = c.last() + 1;
        }
        if (next != s.last() + 1) {
            t.add(new BackupDefect(owner, "segment.json", BackupDefect.Kind.MANIFEST_INCONSISTENT, "its chunks end at position "
                    + (next - 1) + " but the segment ends at " + s.last()));
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

    /** Replays a chunk's records after position {@code skipThrough} (0: all of them); returns the next position expected. */
    private long replayChunk(String owner, LoadedChunk loaded, long expected, long skipThrough, Map<String, StreamHead> heads,
                             Tally t) {
        Manifest.LogChunk c = loaded.chunk();
        if (!loaded.readable()) {
            t.add(new BackupDefect(owner, c.key(), BackupDefect.Kind.MISSING_FILE, loaded.missing() ? "the file is not in the target"
                    : "cannot be read: " + loaded.failure()));
            return c.last() + 1;
        }
        try (LogRecordReader reader = new LogRecordReader(loaded.bytes())) {
            while (advanceOrSkip(reader, owner, c, t)) {
                if (reader.position() <= skipThrough) {
                    continue;
                }
                if (reader.position() != expected) {
                    t.add(new BackupDefect(owner, c.key(), BackupDefect.Kind.BROKEN_CHAIN, "record " + reader.lineNo()
                            + " has position " + reader.position() + " where " + expected + " was expected"));
                }
                expected = reader.position() + 1;
                acceptLine(owner, c, reader, loaded, heads, t);
                t.events++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory cannot fail", e);
        }
        t.bytes += loaded.bytes().length;
        compareFile(owner, c.key(), c.size(), c.sha256(), loaded.bytes().length, loaded.sha256(), t);
        return expected;
    }

    private static boolean advanceOrSkip(LogRecordReader reader, String owner, Manifest.LogChunk c, Tally t) throws IOException {
        while (true) {
            try {
                return reader.advance();
            } catch (LogRecordReader.MalformedRecord e) {
                t.add(new BackupDefect(owner, c.key(), BackupDefect.Kind.MALFORMED_RECORD, "record " + e.lineNo() + ": " + e.getMessage()));
            }
        }
    }

    /** The quick path reads only the fields the checks need (hashed ahead by the loader); any other line is parsed in full. */
    private void acceptLine(String owner, Manifest.LogChunk c, LogRecordReader r, LoadedChunk loaded, Map<String, StreamHead> heads,
                            Tally t) {
        StreamHead h = heads.computeIfAbsent(r.streamId(), StreamHead::new);
        long lineNo = r.lineNo();
        if (facts.locate(r.buffer(), r.lineStart(), r.lineEnd())) {
            if (loaded.hashed().get((int) lineNo)) {
                h.check.acceptHashed(c.key(), lineNo, facts);
            } else {
                h.check.accept(c.key(), lineNo, facts);
            }
            h.sequence = facts.sequence();
            h.checksum = facts.checksum();
            drain(owner, h, t);
            return;
        }
        EventLine line;
        try {
            line = codec.parse(Arrays.copyOfRange(r.buffer(), r.lineStart(), r.lineEnd()));
        } catch (LineFormatException e) {
            h.check.malformed(c.key(), lineNo, e.getMessage());
            drain(owner, h, t);
            return;
        }
        h.check.accept(c.key(), lineNo, line);
        h.sequence = line.sequence();
        h.checksum = line.checksum();
        drain(owner, h, t);
    }

    private static void drain(String owner, StreamHead h, Tally t) {
        for (Defect d : h.defects) {
            t.add(new BackupDefect(owner, d.file(), BackupDefect.Kind.BROKEN_CHAIN, "record " + d.line() + ", stream "
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
}
