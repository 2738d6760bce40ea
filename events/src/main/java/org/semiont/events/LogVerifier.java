package org.semiont.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import org.semiont.events.jsonl.StreamLayout;
import org.semiont.events.jsonl.StreamVerifier;

/** Verifies many streams in parallel on a private pool and sums the results. */
final class LogVerifier {
    private final StreamLayout layout;
    private final int threads;

    LogVerifier(StreamLayout layout, int threads) {
        this.layout = layout;
        this.threads = threads;
    }

    VerifyReport verify(List<String> streamIds) {
        long start = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            List<StreamVerifier.Result> results = pool.submit(() -> streamIds.parallelStream()
                    .map(id -> new StreamVerifier().verify(id, layout.files(id), layout.root()))
                    .collect(Collectors.toList())).get();
            return summarize(results, System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsException(EventsError.IO_FAILURE, "verification was interrupted", e);
        } catch (ExecutionException e) {
            throw new EventsException(EventsError.IO_FAILURE, "verification failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static VerifyReport summarize(List<StreamVerifier.Result> results, long nanos) {
        long events = 0;
        long bytes = 0;
        List<Defect> defects = new ArrayList<>();
        for (StreamVerifier.Result r : results) {
            events += r.events();
            bytes += r.bytes();
            defects.addAll(r.defects());
        }
        defects.sort(Comparator.comparing(Defect::streamId).thenComparing(Defect::file).thenComparingLong(Defect::line));
        return new VerifyReport(results.size(), events, bytes, nanos, defects);
    }
}
