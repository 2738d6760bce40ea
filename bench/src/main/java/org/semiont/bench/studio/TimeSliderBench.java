package org.semiont.bench.studio;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.StoredEvent;
import org.semiont.studio.history.RowHistories;
import org.semiont.studio.history.RowTimeline;

/**
 * What the studio's time slider costs on a large log: a generated log of {@code events} {@code annotation.added}
 * events on 1,000 document streams, with one annotation added in the middle and replaced once near the end. Measured,
 * median of {@code runs} after one warm-up: finding that annotation's timeline (the first view of its row does it)
 * and a move of the slider to its first event (the timeline from the cache, then the fold up to that event). Baseline in the same run: one {@code readAll}
 * pass over the whole log, which both are bound by.
 *
 * <p>Run: {@code java -cp "bench/target/semiont-bench.jar:bench/target/lib/*" org.semiont.bench.studio.TimeSliderBench
 * [events=1000000] [runs=5]} after {@code mvn -B -q package -DskipTests}.
 */
public final class TimeSliderBench {
    static final int STREAMS = 1000;
    static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("slider-bench");
        try (EventLog log = EventLog.open(dir, EventLogOptions.defaults())) {
            String stream = generate(log, events);
            RowHistories histories = new RowHistories(log);
            double baseline = median(runs, () -> {
                try (Stream<StoredEvent> s = log.readAll(1)) {
                    return s.count();
                }
            });
            // a new RowHistories each time: its cache of timelines would answer from memory
            double timeline = median(runs, () -> new RowHistories(log).timeline("annotations", "bench-target", stream).steps().size());
            RowTimeline t = histories.timeline("annotations", "bench-target", stream);
            if (t.steps().size() != 2) {
                throw new IllegalStateException("expected 2 events of the target annotation, found " + t.steps());
            }
            double past = median(runs, () -> histories.at(histories.timeline("annotations", "bench-target", stream), 0).state());
            System.out.printf(Locale.ROOT, "log of %,d events on %,d streams%n", log.lastPosition(), STREAMS);
            System.out.printf(Locale.ROOT, "%-45s median %8.1f ms  ratio %.2f%n", "baseline: readAll over the whole log", baseline, 1.0);
            System.out.printf(Locale.ROOT, "%-45s median %8.1f ms  ratio %.2f%n", "timeline of one annotation (first view)", timeline, timeline / baseline);
            System.out.printf(Locale.ROOT, "%-45s median %8.1f ms  ratio %.2f%n", "slider move: as of its first event (cached)", past, past / baseline);
        }
    }

    /** Appends the log in batches of one stream each; returns the target annotation's stream. */
    static String generate(EventLog log, int events) {
        long t0 = System.nanoTime();
        int written = 0;
        while (written < events) {
            String doc = doc((written / BATCH) % STREAMS);
            List<NewEvent> batch = new ArrayList<>();
            for (int i = 0; i < BATCH && written < events; i++, written++) {
                String id = written == events / 2 ? "bench-target" : "a" + written;
                batch.add(NewEvent.of("annotation.added", doc, "bench-user", payload(id, doc, "note " + written)));
            }
            log.append(doc, ExpectedVersion.any(), batch);
        }
        String streamOfTarget = doc(((events / 2) / BATCH) % STREAMS);
        log.append(streamOfTarget, ExpectedVersion.any(), NewEvent.of("annotation.updated", streamOfTarget, "bench-user",
                payload("bench-target", streamOfTarget, "replaced")));
        System.out.printf(Locale.ROOT, "generated %,d events in %.1f s%n", events + 1, (System.nanoTime() - t0) / 1e9);
        return streamOfTarget;
    }

    static String doc(int i) {
        return "doc-sha256:" + String.format("%064x", i);
    }

    static ObjectNode payload(String id, String doc, String note) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode a = f.objectNode().put("id", id).put("motivation", "commenting");
        a.set("target", f.objectNode().put("source", doc));
        a.set("body", f.arrayNode().add(f.objectNode().put("type", "TextualBody").put("value", note).put("purpose", "commenting")));
        ObjectNode p = f.objectNode();
        p.set("annotation", a);
        return p;
    }

    static double median(int runs, Callable<Object> task) throws Exception {
        task.call();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.call();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(ms);
        return ms.get(runs / 2);
    }
}
