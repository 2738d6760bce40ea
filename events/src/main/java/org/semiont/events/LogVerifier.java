package org.semiont.events;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import org.semiont.events.commit.GlobalLogCheck;
import org.semiont.events.jsonl.StreamLayout;
import org.semiont.events.jsonl.StreamVerifier;

/** Verifies many streams in parallel on a private pool and sums the results. */
final class LogVerifier {
    private final StreamLayout layout;
    private final int threads;
    private final VerifyProgress progress;

    LogVerifier(StreamLayout layout, int threads, VerifyProgress progress) {
        this.layout = layout;
        this.threads = threads;
        this.progress = progress;
    }

    /** Verifies the streams; with {@code walDir}, also the global log and that it indexes every event. */
    VerifyReport verify(List<String> streamIds, Path walDir) {
        long start = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            CompletableFuture<GlobalLogCheck.Result> global = walDir == null ? null
                    : CompletableFuture.supplyAsync(() -> GlobalLogCheck.scan(walDir), pool);
            ThreadLocal<StreamVerifier> verifiers = ThreadLocal.withInitial(StreamVerifier::new);
            List<StreamVerifier.Result> results = pool.submit(() -> streamIds.parallelStream()
                    .map(id -> reported(verifiers.get().verify(id, layout.files(id), layout.root())))
                    .collect(Collectors.toList())).get();
            List<Defect> extra = global == null ? List.of() : crossCheck(results, global.get());
            return summarize(results, extra, System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsException(EventsError.IO_FAILURE, "verification was interrupted", e);
        } catch (ExecutionException e) {
            throw new EventsException(EventsError.IO_FAILURE, "verification failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private StreamVerifier.Result reported(StreamVerifier.Result r) {
        progress.streamVerified(r.streamId(), r.events(), r.bytes());
        return r;
    }

    private static List<Defect> crossCheck(List<StreamVerifier.Result> results, GlobalLogCheck.Result global) {
        if (!global.present()) {
            return List.of();
        }
        List<Defect> defects = new ArrayList<>(global.defects());
        for (StreamVerifier.Result r : results) {
            long indexed = global.lastSequence().getOrDefault(r.streamId(), 0L);
            if (r.events() > indexed) {
                defects.add(new Defect(r.streamId(), EventLog.GLOBAL_DIR, 0, indexed + 1, Defect.Kind.NOT_IN_GLOBAL_LOG,
                        "the stream has " + r.events() + " events but the global log indexes " + indexed
                                + "; readAll and projections will miss the rest (were files copied in by hand?)"));
            }
        }
        return defects;
    }

    private static VerifyReport summarize(List<StreamVerifier.Result> results, List<Defect> extra, long nanos) {
        long events = 0;
        long bytes = 0;
        List<Defect> defects = new ArrayList<>(extra);
        for (StreamVerifier.Result r : results) {
            events += r.events();
            bytes += r.bytes();
            defects.addAll(r.defects());
        }
        defects.sort(Comparator.comparing(Defect::streamId).thenComparing(Defect::file).thenComparingLong(Defect::line));
        return new VerifyReport(results.size(), events, bytes, nanos, defects);
    }
}
