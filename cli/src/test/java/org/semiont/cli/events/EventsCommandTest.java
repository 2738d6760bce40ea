package org.semiont.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.cli.SemiontCommand;
import org.semiont.events.EventLog;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import picocli.CommandLine;

class EventsCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = SemiontCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path dataWith(String stream, int n) {
        Path data = tmp.resolve("data");
        try (EventLog log = EventLog.open(data)) {
            for (int i = 0; i < n; i++) {
                log.append(stream, ExpectedVersion.any(), NewEvent.of("document.created", stream, "u1",
                        JsonNodeFactory.instance.objectNode().put("n", "event " + i)));
            }
        }
        return data;
    }

    private static Path firstJsonl(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
    }

    @Test
    void verifyOfACleanLogExitsZeroAndCountsTheEvents() {
        Path data = dataWith("doc-a", 5);
        assertThat(run("events", "verify", "--data-dir", data.toString())).isZero();
        assertThat(out.toString()).contains("verified 1 streams, 5 events").contains("clean");
    }

    @Test
    void verifyReportsEveryDefectWithStreamFileLineAndSequenceAndExitsSix() throws Exception {
        Path data = dataWith("doc-a", 5);
        Path file = firstJsonl(data);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("event 3", "event X"),
                StandardCharsets.UTF_8);
        assertThat(run("events", "verify", "--stream", "doc-a", "--data-dir", data.toString())).isEqualTo(6);
        assertThat(out.toString()).contains("DEFECT CHECKSUM_MISMATCH: stream doc-a, file ")
                .contains("events-000001.jsonl, line 4, sequence 4").contains("1 defect(s)");
    }

    @Test
    void verifyOfAStreamThatDoesNotExistFails() {
        Path data = dataWith("doc-a", 1);
        assertThat(run("events", "verify", "--stream", "doc-zzz", "--data-dir", data.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("stream 'doc-zzz' has no events");
    }

    @Test
    void verifyOfAMissingDataDirectoryFailsWithTheWayOut() {
        assertThat(run("events", "verify", "--data-dir", tmp.resolve("nope").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("does not exist").contains("--data-dir");
    }

    @Test
    void verifyRejectsAStreamIdThatWouldEscapeTheDataDirectory() {
        Path data = dataWith("doc-a", 1);
        assertThat(run("events", "verify", "--stream", "../x", "--data-dir", data.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("invalid stream id");
    }

    @Test
    void tailPrintsTheLastEventsOfTheGlobalLogOrOfAStream() {
        Path data = dataWith("doc-a", 5);
        assertThat(run("events", "tail", "-n", "2", "--data-dir", data.toString())).isZero();
        assertThat(out.toString().lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"event\":"));
        assertThat(out.toString()).contains("event 3").contains("event 4");
        out.getBuffer().setLength(0);
        assertThat(run("events", "tail", "--stream", "doc-a", "-n", "1", "--data-dir", data.toString())).isZero();
        assertThat(out.toString().lines()).singleElement().asString().contains("\"sequenceNumber\":5");
    }

    @Test
    void tailFollowPrintsEventsAppendedWhileItRunsUntilInterrupted() throws Exception {
        Path data = dataWith("doc-a", 1);
        int[] exit = {-1};
        Thread follower = new Thread(() -> exit[0] = run("events", "tail", "--follow", "--data-dir", data.toString()));
        follower.start();
        try (EventLog log = EventLog.open(data)) {
            log.append("doc-a", ExpectedVersion.exactly(1), NewEvent.of("document.archived", "doc-a", "u1", null));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!outText().contains("document.archived") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        follower.interrupt();
        follower.join(10_000);
        assertThat(exit[0]).isZero();
        assertThat(outText()).contains("document.created").contains("document.archived");
    }

    private String outText() {
        synchronized (out.getBuffer()) {
            return out.toString();
        }
    }

    @Test
    void statsCountsStreamsEventsAndThePosition() {
        Path data = dataWith("doc-a", 3);
        assertThat(run("events", "stats", "--data-dir", data.toString())).isZero();
        assertThat(out.toString()).contains("streams:          1").contains("events:           3")
                .contains("last position:    3");
    }

    @Test
    void importBringsInAnOriginalDirectoryAndNeverOverwrites() throws Exception {
        Path original = tmp.resolve("original");
        try (EventLog log = EventLog.open(original)) {
            log.append("doc-b", ExpectedVersion.any(), NewEvent.of("document.created", "doc-b", "u1", null));
        }
        Files.move(original.resolve("events"), tmp.resolve("moved"));
        Files.createDirectories(original.resolve("events"));
        Files.move(tmp.resolve("moved"), original.resolve("events/events"));
        Path data = tmp.resolve("data");
        assertThat(run("events", "import", original.toString(), "--data-dir", data.toString())).isZero();
        assertThat(out.toString()).contains("imported 1 streams, 1 events");
        out.getBuffer().setLength(0);
        assertThat(run("events", "import", original.toString(), "--data-dir", data.toString())).isZero();
        assertThat(out.toString()).contains("SKIPPED doc-b").contains("imported 0 streams");
        assertThat(run("events", "verify", "--data-dir", data.toString())).isZero();
    }

    @Test
    void importOfADirectoryWithoutEventsFails() {
        assertThat(run("events", "import", tmp.toString(), "--data-dir", tmp.resolve("data").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is not an original Semiont data directory");
    }
}
