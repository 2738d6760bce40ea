package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills an appending child JVM with SIGKILL at random moments and checks what survives. */
class CrashRecoveryIT {
    private static final int ITERATIONS = 20;

    @TempDir
    Path dir;

    private record Ack(String stream, String id, long sequence, long position) {
    }

    @Test
    void everyAcknowledgedEventSurvivesAKillAndTheChainsAndGlobalOrderStayValid() throws Exception {
        Random random = new Random(42);
        Map<String, Ack> acked = new HashMap<>();
        for (int i = 0; i < ITERATIONS; i++) {
            acked.putAll(runAndKill(300 + random.nextInt(1200)));
            checkLog(acked);
        }
        assertThat(acked).hasSizeGreaterThan(ITERATIONS * 50);
    }

    private Map<String, Ack> runAndKill(int millis) throws Exception {
        Process p = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                CrashAppender.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Ack> acks = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> readAcks(p, acks, ready));
        reader.start();
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("child JVM opened the log").isTrue();
        Thread.sleep(millis);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);
        return acks.stream().collect(Collectors.toMap(Ack::id, a -> a));
    }

    private static void readAcks(Process p, List<Ack> acks, CountDownLatch ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals("READY")) {
                    ready.countDown();
                }
                String[] f = line.split(" ");
                if (f.length == 5 && f[0].equals("ACK")) {
                    acks.add(new Ack(f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4])));
                }
            }
        } catch (java.io.IOException ignored) {
            // the child was killed mid-line: a partial line is simply not an acknowledgement
        }
    }

    private void checkLog(Map<String, Ack> acked) {
        try (EventLog log = EventLog.open(dir)) {
            Map<String, StoredEvent> byId = new HashMap<>();
            long total = 0;
            for (String stream : log.streamIds()) {
                try (Stream<StoredEvent> s = log.readStream(stream, 1)) {
                    s.forEach(e -> byId.put(e.id(), e));
                }
                total += log.count(stream);
            }
            for (Ack a : acked.values()) {
                StoredEvent e = byId.get(a.id());
                assertThat(e).as("acknowledged event %s", a).isNotNull();
                assertThat(e.sequence()).isEqualTo(a.sequence());
                assertThat(e.streamId()).isEqualTo(a.stream());
            }
            assertThat(log.verify(null).defects()).isEmpty();
            long[] expected = {0};
            try (Stream<StoredEvent> all = log.readAll(1)) {
                all.forEach(e -> {
                    assertThat(e.position()).isEqualTo(++expected[0]);
                    assertThat(byId.get(e.id()).sequence()).isEqualTo(e.sequence());
                });
            }
            assertThat(expected[0]).as("global log covers every stored event").isEqualTo(total);
            assertThat(log.lastPosition()).isEqualTo(total);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
