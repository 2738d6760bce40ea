package org.semiont.events;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Child-JVM main for {@link CrashRecoveryIT}: appends from several threads until killed and prints
 * {@code ACK <stream> <id> <sequence> <position>} for every acknowledged event.
 */
public final class CrashAppender {
    private CrashAppender() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        EventLogOptions opts = EventLogOptions.defaults().withEventsPerFile(40).withCheckpointBytes(32 * 1024)
                .withWalSegmentBytes(128 * 1024);
        EventLog log = EventLog.open(dir, opts);
        System.out.println("READY");
        System.out.flush();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int n = t;
            Thread th = new Thread(() -> appendForever(log, n));
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
    }

    private static void appendForever(EventLog log, int thread) {
        for (int i = 0; ; i++) {
            String stream = "doc-crash-" + ((thread + i) % 5);
            List<NewEvent> batch = new ArrayList<>();
            for (int k = 0; k <= i % 3; k++) {
                batch.add(Fixtures.event("x", stream, "t" + thread + "-" + i).withId(UUID.randomUUID().toString()));
            }
            AppendResult r = log.append(stream, ExpectedVersion.any(), batch);
            StringBuilder sb = new StringBuilder();
            for (StoredEvent e : r.events()) {
                sb.append("ACK ").append(stream).append(' ').append(e.id()).append(' ').append(e.sequence())
                        .append(' ').append(e.position()).append('\n');
            }
            synchronized (System.out) {
                System.out.print(sb);
                System.out.flush();
            }
        }
    }
}
