package org.semiont.server.document;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.events.jsonl.StreamLayout;
import org.semiont.server.datadir.AtomicFiles;
import org.semiont.server.logging.LogTimestamps;
import org.semiont.server.projection.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original's JSON projection files, {@code <data-dir>/projections/documents/<ab>/<cd>/<id>.json}, written
 * from PostgreSQL atomically and coalesced: a changed document is rewritten at most once per second (less
 * often when passes get long), so a busy document costs one file write per second rather than one per event.
 */
public final class DocumentFiles implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DocumentFiles.class);
    static final long MIN_INTERVAL_MS = 1000;
    static final String CHECKPOINT = "files";
    static final int DUTY_CYCLE_INVERSE = 20;
    static final long SYNC_INTERVAL_MS = 30_000;
    /** Threads of {@link #rewriteAll}: each waits on queries and file writes in turn, so a few overlap well on two cores. */
    static final int REWRITE_THREADS = 4;
    /** Documents per task of {@link #rewriteAll}: two queries each. */
    static final int REWRITE_CHUNK = 200;
    /** Annotations of one document {@link #rewriteAll} holds in memory; a document with more is streamed on its own. */
    static final int GATHER_LIMIT = 2000;
    private volatile int gatherLimit = GATHER_LIMIT;
    private final Path root;
    private final DataSource pool;
    private final DocumentRepository documents;
    private final DocumentAnnotations annotations;
    private final ObjectWriter pretty;
    /**
     * The documents whose files are due, each with the last projected event of its stream (the file's
     * {@code version} and {@code updatedAt}). A mark always stores a new {@link Tip}, so a writer that removes
     * exactly the tip it wrote leaves a document marked meanwhile due.
     */
    private final Map<String, Tip> due = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;
    private volatile LongSupplier applied;
    private volatile long savedPosition = -1;
    /** Files replaced since the last sync, and the position all files reflect once they are durable (-1: none). */
    private final Set<Path> unsynced = new HashSet<>();
    private long unsyncedUpTo = -1;
    private long lastSync = System.nanoTime();

    public DocumentFiles(Path dataDir, DataSource pool, DocumentRepository documents, DocumentAnnotations annotations,
                         ObjectMapper json) {
        this.root = dataDir.resolve("projections").resolve("documents");
        this.pool = pool;
        this.documents = documents;
        this.annotations = annotations;
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)).withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        this.pretty = json.writer(pp);
    }

    /**
     * Starts the paced writer. Documents changed after the files' own checkpoint (the log position every file was
     * last known to reflect) are written again first: after a kill -9 their rows were committed, but their files
     * may not have been. Call once the projector has caught up; {@code appliedPosition} is its progress.
     */
    public void start(EventLog events, LongSupplier appliedPosition) {
        this.applied = appliedPosition;
        long upTo = appliedPosition.getAsLong();
        long written = readCheckpoint();
        markChangedBetween(events, written, upTo);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "semiont-projection-files");
            t.setDaemon(true);
            return t;
        });
        timer.schedule(this::flushAndReschedule, MIN_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    private void markChangedBetween(EventLog events, long after, long upTo) {
        if (after >= upTo) {
            return;
        }
        int before = due.size();
        forEachDocumentEvent(events, after, upTo, e -> markDirty(e.streamId(), e.sequence(), e.instant()));
        log.info("Projection files: {} documents changed after position {} (the files' checkpoint) are written again",
                due.size() - before, after);
    }

    /** The events of document streams at log positions after {@code after} up to {@code upTo}, in log order. */
    private static void forEachDocumentEvent(EventLog events, long after, long upTo, Consumer<StoredEvent> action) {
        try (Stream<StoredEvent> all = events.readAll(after + 1)) {
            Iterator<StoredEvent> it = all.iterator();
            while (it.hasNext()) {
                StoredEvent e = it.next();
                if (e.position() > upTo) {
                    break;
                }
                if (DocumentIds.isValid(e.streamId())) {
                    action.accept(e);
                }
            }
        }
    }

    /**
     * The files' checkpoint, 0 when there is none yet: then every document's file is written once (an upgraded or
     * imported data dir), which also makes files whose state nobody recorded trustworthy.
     */
    private long readCheckpoint() {
        try (Connection c = pool.getConnection()) {
            return Checkpoints.read(c, CHECKPOINT);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the projection files' checkpoint: " + e.getMessage(), e);
        }
    }

    private void saveCheckpoint(long position) {
        try (Connection c = pool.getConnection()) {
            Checkpoints.raise(c, CHECKPOINT, position, Instant.now());
            savedPosition = position;
        } catch (SQLException e) {
            log.warn("Could not save the projection files' checkpoint: {}", e.getMessage());
        }
    }

    /**
     * Each pass rewrites whole files, so its cost grows with the documents; the pause after a pass grows with it
     * and keeps the writer to about 1/{@value #DUTY_CYCLE_INVERSE} of one thread's time, so a large, busy
     * knowledge base does not pay O(size) per second for its files.
     */
    private void flushAndReschedule() {
        long started = System.nanoTime();
        pass(started - lastSync >= TimeUnit.MILLISECONDS.toNanos(SYNC_INTERVAL_MS));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        try {
            timer.schedule(this::flushAndReschedule, Math.max(MIN_INTERVAL_MS, tookMs * (DUTY_CYCLE_INVERSE - 1)), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // close() flushes one last time itself
        }
    }

    /**
     * Writes every document's file from the rows, each stamped with its stream's last event in the log, from
     * {@value #REWRITE_THREADS} threads, {@value #REWRITE_CHUNK} documents per two queries, makes them durable and
     * records that they reflect the log up to {@code upTo}:
     * for projections put back in bulk (a restore, no server running), from a snapshot, which holds rows but no files,
     * or from a rebuild. The log must end at {@code upTo} and the rows reflect it.
     */
    public void rewriteAll(EventLog events, long upTo) throws SQLException {
        List<String> ids = documents.allIds();
        // each thread holds one connection at a time: never more threads than the pool has connections
        int threads = this.pool instanceof com.zaxxer.hikari.HikariDataSource h ? Math.min(REWRITE_THREADS, h.getMaximumPoolSize())
                : REWRITE_THREADS;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "semiont-projection-files-rewrite");
            t.setDaemon(true);
            return t;
        });
        List<Path> written = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += REWRITE_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + REWRITE_CHUNK));
                done.add(pool.submit(() -> {
                    written.addAll(new ChunkWriter(events, chunk).write());
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the projection files", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a projection file could not be written: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        try {
            AtomicFiles.sync(written);
        } catch (IOException e) {
            throw new IllegalStateException("could not make the projection files durable: " + e.getMessage(), e);
        }
        due.clear();
        saveCheckpoint(upTo);
    }

    /**
     * Writes the files of a run of documents (consecutive in id order) from two queries: their rows, and their
     * annotations in document and creation order, each document's gathered while the query streams. A document with
     * more than {@value #GATHER_LIMIT} annotations is written after the query instead, streamed as the paced writer does
     * (its file may be larger than the heap), so a thread never holds two connections.
     */
    private final class ChunkWriter {
        private final EventLog events;
        private final List<String> ids;
        private final Set<String> inChunk;
        private final Map<String, ObjectNode> rows = new HashMap<>();
        private final List<Path> written = new ArrayList<>();
        private final List<String> gathered = new ArrayList<>();
        /** Documents with too many annotations to gather, written after the query (each then streams its own). */
        private final List<String> large = new ArrayList<>();
        private int next;
        private boolean tooMany;

        ChunkWriter(EventLog events, List<String> ids) {
            this.events = events;
            this.ids = ids;
            this.inChunk = new HashSet<>(ids);
        }

        List<Path> write() throws IOException, SQLException {
            for (ObjectNode d : documents.between(ids.get(0), ids.get(ids.size() - 1))) {
                rows.put(d.path("id").asText(), d);
            }
            annotations.eachOfDocuments(ids.get(0), ids.get(ids.size() - 1), a -> {
                if (!inChunk.contains(a.documentId())) {
                    return; // a document without a row: the check reports its annotations
                }
                while (!ids.get(next).equals(a.documentId())) {
                    finish(ids.get(next++));
                }
                if (gathered.size() >= gatherLimit) {
                    tooMany = true;
                } else if (!tooMany) {
                    gathered.add(a.json());
                }
            });
            while (next < ids.size()) {
                finish(ids.get(next++));
            }
            for (String id : large) {
                Tip tip = tipOf(id);
                if (tip != null) {
                    AtomicFiles.replace(file(id), out -> render(id, rows.get(id), tip, out));
                    written.add(file(id));
                }
            }
            return written;
        }

        private Tip tipOf(String id) {
            StoredEvent last = rows.containsKey(id) ? events.readLatest(id).orElse(null) : null;
            return last == null ? null : new Tip(last.sequence(), last.instant());
        }

        /** Writes the file of {@code id}, whose annotations (if any) are the gathered ones; then forgets them. */
        private void finish(String id) throws IOException {
            try {
                if (tooMany) {
                    large.add(id);
                    return;
                }
                Tip tip = tipOf(id);
                if (tip == null) {
                    return;
                }
                ObjectNode doc = rows.get(id);
                AtomicFiles.replace(file(id), out -> render(id, doc, tip, out, sink -> {
                    for (String json : gathered) {
                        sink.accept(json);
                    }
                }));
                written.add(file(id));
            } finally {
                gathered.clear();
                tooMany = false;
            }
        }
    }

    /** {@link #rewriteAll} holding at most {@code n} annotations of a document (tests). */
    void gatherLimit(int n) {
        gatherLimit = n;
    }

    /** The document's file is due: its stream's projected events now end at {@code version}, written at {@code at}. */
    void markDirty(String documentId, long version, Instant at) {
        due.merge(documentId, new Tip(version, at), (old, mark) -> old.version > mark.version ? new Tip(old.version, old.at) : mark);
    }

    private record Tip(long version, Instant at) {
    }

    /**
     * Writes every due document now and makes the files durable (on shutdown, after a rebuild); then the files reflect
     * the log up to the projector's position.
     */
    public void flush() {
        pass(true);
    }

    /** One pass over the due documents; {@code durable}: then fsync what the passes wrote and advance the checkpoint. */
    private synchronized void pass(boolean durable) {
        long upTo = applied == null ? -1 : applied.getAsLong();
        boolean allWritten = true;
        for (String id : new ArrayList<>(due.keySet())) {
            Tip tip = due.get(id);
            if (tip == null) {
                continue;
            }
            try {
                write(id, tip);
                due.computeIfPresent(id, (k, now) -> now == tip ? null : now);
            } catch (IOException | RuntimeException | SQLException e) {
                allWritten = false;
                log.warn("Could not write the projection file of {}: {}", id, e.getMessage());
            }
        }
        // every document changed by an event up to upTo was marked before upTo was read, so it was in this pass
        if (allWritten && upTo > Math.max(savedPosition, unsyncedUpTo)) {
            unsyncedUpTo = upTo;
        }
        if (durable) {
            sync();
        }
    }

    private void sync() {
        try {
            AtomicFiles.sync(unsynced);
        } catch (IOException e) {
            log.warn("Could not make the projection files durable: {}", e.getMessage());
            return;
        }
        unsynced.clear();
        lastSync = System.nanoTime();
        if (unsyncedUpTo > savedPosition) {
            saveCheckpoint(unsyncedUpTo);
        }
    }

    public Path file(String id) {
        String shard = StreamLayout.shard(id);
        return root.resolve(shard.substring(0, 2)).resolve(shard.substring(2)).resolve(id + ".json");
    }

    /**
     * {@code tip} was read before the rows: it is set after its rows commit, so the rows read here are at least that
     * new (a later tip keeps the document due for the next pass).
     */
    private void write(String id, Tip tip) throws IOException, SQLException {
        ObjectNode doc = documents.get(id).orElse(null);
        if (doc == null) {
            return;
        }
        Path target = file(id);
        AtomicFiles.replace(target, out -> render(id, doc, tip, out));
        unsynced.add(target);
    }

    /**
     * Written as read (annotations 500 at a time, stored JSON as is): a document's file may be larger than the heap
     * can hold at once, and re-parsing thousands of annotations every second costs more than the file is worth.
     */
    private void render(String id, ObjectNode doc, Tip tip, OutputStream out) throws IOException {
        render(id, doc, tip, out, sink -> annotations.eachOfDocument(id, false, sink));
    }

    /** The annotations of a document's file, in creation order, as stored JSON. */
    private interface AnnotationsOf {
        void each(DocumentAnnotations.RowSink<String> sink) throws IOException;
    }

    private void render(String id, ObjectNode doc, Tip tip, OutputStream out, AnnotationsOf list) throws IOException {
        try (JsonGenerator g = pretty.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeFieldName("document");
            g.writeTree(doc);
            g.writeObjectFieldStart("annotations");
            g.writeStringField("documentId", id);
            g.writeArrayFieldStart("annotations");
            list.each(g::writeRawValue);
            g.writeEndArray();
            g.writeNumberField("version", tip.version);
            g.writeStringField("updatedAt", LogTimestamps.format(tip.at));
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** A projection file that is not what the rows and the log make of it; {@code subject}: a document id, or what else. */
    public record FileDrift(String subject, Path file, String problem) {
    }

    /**
     * Compares every document's file with the file this writer would write from the rows and the log up to
     * {@code upTo} (the projector's position), and finds files of documents that have no row. Both sides go through a
     * digest, never into memory: a file may be larger than the heap. Call with the writer stopped (no server).
     */
    public List<FileDrift> check(EventLog events, long upTo) throws IOException, SQLException {
        Map<String, Tip> tips = new HashMap<>();
        forEachDocumentEvent(events, 0, upTo, e -> tips.put(e.streamId(), new Tip(e.sequence(), e.instant())));
        List<FileDrift> drift = new ArrayList<>();
        Set<Path> expected = new HashSet<>();
        for (String id : documents.allIds()) {
            Path file = file(id);
            expected.add(file);
            Tip tip = tips.get(id);
            ObjectNode doc = documents.get(id).orElse(null);
            if (tip == null || doc == null) {
                continue; // a row without events is the tables' drift, which the table check reports
            }
            if (!Files.exists(file)) {
                drift.add(new FileDrift(id, file, "missing"));
                continue;
            }
            MessageDigest want = sha256();
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), want)) {
                render(id, doc, tip, out);
            }
            MessageDigest have = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), have)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!MessageDigest.isEqual(want.digest(), have.digest())) {
                drift.add(new FileDrift(id, file, "differs from the rows"));
            }
        }
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.find(root, 3, (f, a) -> a.isRegularFile() && f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().startsWith("."))) {
                files.filter(f -> !expected.contains(f)).sorted().forEach(f -> drift.add(new FileDrift(
                        f.getFileName().toString().replaceFirst("\\.json$", ""), f, "has no document (not written from this log)")));
            }
        }
        return drift;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdown();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }
}
