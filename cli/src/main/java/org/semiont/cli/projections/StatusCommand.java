package org.semiont.cli.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.cli.common.RunningServer;
import org.semiont.server.logging.LogTimestamps;
import org.semiont.server.projection.BlockedEvent;
import org.semiont.server.projection.ProjectionMaintenance;
import org.semiont.server.projection.SkippedEvents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code semiont projections status}: where the projections stand and the event they are stopped at, if any; from
 * the running server, or (server stopped) by applying what follows the checkpoint in a transaction that is rolled back.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show how far the projections have applied the event log, and name the event they are stopped at "
                + "(one they cannot apply), with the decisions to skip events taken so far.",
                "Exit 0 = not stopped at an event, 5 = stopped at an event (see 'semiont projections skip'), 1 = failure."})
public final class StatusCommand implements Callable<Integer> {
    static final int STOPPED = 5;
    /** Events a stopped server's status applies (and rolls back) to find one that cannot be applied. */
    static final int PROBE_LIMIT = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Mixin
    DatabaseOptions db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        java.nio.file.Path dir = db.dataDirOptions().existingDataDir();
        Optional<RunningServer> server = RunningServer.on(dir, ServiceTokens.of(dir), "semiont projections status");
        ObjectNode status = server.isPresent() ? online(server.get()) : offline();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(status));
        } else {
            print(status, out);
        }
        return status.path("blocked").isObject() ? STOPPED : ExitCodes.OK;
    }

    private static ObjectNode online(RunningServer server) {
        ObjectNode s = (ObjectNode) server.call("GET", "/api/admin/projections", null);
        return s.put("server", "running");
    }

    private ObjectNode offline() {
        try (Maintenance m = Maintenance.open(db, "semiont projections status")) {
            ProjectionMaintenance.Standing st = m.maintenance().probe(PROBE_LIMIT);
            ObjectNode out = JsonNodeFactory.instance.objectNode().put("appliedPosition", st.applied())
                    .put("logPosition", st.logPosition()).put("lag", Math.max(0, st.logPosition() - st.applied()));
            out.set("blocked", st.blocked().map(StatusCommand::blocked).orElse(null));
            ArrayNode skipped = out.putArray("skipped");
            SkippedEvents.load(m.log()).all().forEach(d -> skipped.addObject().put("position", d.position())
                    .put("eventId", d.eventId()).put("streamId", d.streamId()).put("type", d.type()).put("reason", d.reason())
                    .put("by", d.by()).put("at", LogTimestamps.format(d.at())));
            return out.put("server", "stopped").put("probed", st.probed());
        }
    }

    private static ObjectNode blocked(BlockedEvent b) {
        return JsonNodeFactory.instance.objectNode().put("position", b.position()).put("eventId", b.eventId())
                .put("streamId", b.streamId()).put("type", b.type()).put("failure", b.failure()).put("command", b.command());
    }

    private static void print(JsonNode s, PrintWriter out) {
        out.printf("Projections at global position %d of %d (%d behind); server %s.%n", s.path("appliedPosition").asLong(),
                s.path("logPosition").asLong(), s.path("lag").asLong(), s.path("server").asText());
        JsonNode b = s.path("blocked");
        if (b.isObject()) {
            out.printf("Stopped at the event at global position %d: %s in stream %s (id %s)%n  cause: %s%n",
                    b.path("position").asLong(), b.path("type").asText(), b.path("streamId").asText(), b.path("eventId").asText(),
                    b.path("failure").asText());
            out.printf("The event stays in the log. Fix the cause, or leave the event out of the projections with:%n  %s%n",
                    b.path("command").asText());
        } else if (s.has("probed")) {
            out.printf("No event the projections cannot apply among the next %d.%n", s.path("probed").asLong());
        } else {
            out.println("Not stopped at any event.");
        }
        for (JsonNode d : s.path("skipped")) {
            out.printf("Skipped: position %d (%s in stream %s) by %s at %s: %s%n", d.path("position").asLong(),
                    d.path("type").asText(), d.path("streamId").asText(), d.path("by").asText(), d.path("at").asText(),
                    d.path("reason").asText());
        }
    }
}
