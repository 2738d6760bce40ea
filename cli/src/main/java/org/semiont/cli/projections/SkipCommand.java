package org.semiont.cli.projections;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.cli.common.RunningServer;
import org.semiont.server.projection.ProjectionSkips;
import org.semiont.server.projection.SkippedEvents;
import org.semiont.server.user.UserService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code semiont projections skip --position N --reason TEXT}: records the decision to leave one event out of the
 * projections, as an event of its own; the event itself stays in the log. Through the running server, or directly
 * when it is stopped.
 */
@Command(name = "skip", mixinStandardHelpOptions = true,
        description = {"Leave one event that the projections cannot apply out of them, recording the decision (who, when, "
                + "why) as an event of its own; the event stays in the log and every later rebuild passes over it too.",
                "Find the event with 'semiont projections status'. Exit 0 = recorded, 1 = refused or failed, 2 = usage."})
public final class SkipCommand implements Callable<Integer> {
    @Option(names = "--position", required = true, paramLabel = "N", description = "Global log position of the event.")
    long position;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is left out (kept with the decision).")
    String reason;

    @Mixin
    DatabaseOptions db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (position < 1) {
            throw new CliException(ExitCodes.USAGE, "--position must be a global log position (>= 1), got " + position);
        }
        if (reason.isBlank() || reason.length() > ProjectionSkips.MAX_REASON) {
            throw new CliException(ExitCodes.USAGE, "--reason must say why, in 1.." + ProjectionSkips.MAX_REASON + " characters");
        }
        java.nio.file.Path dir = db.dataDirOptions().existingDataDir();
        Optional<RunningServer> server = RunningServer.on(dir, ServiceTokens.of(dir), "semiont projections skip");
        JsonNode d = server.isPresent() ? online(server.get()) : offline();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Recorded: the event at global position %d (%s in stream %s) is left out of the projections: %s%n",
                d.path("position").asLong(), d.path("type").asText(), d.path("streamId").asText(), d.path("reason").asText());
        out.println(server.isPresent() ? "The running server passes over it now." : "The next start passes over it.");
        return ExitCodes.OK;
    }

    private JsonNode online(RunningServer server) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("position", position);
        body.put("reason", reason);
        return server.call("POST", "/api/admin/projections/skip", body).path("skipped");
    }

    private JsonNode offline() {
        try (Maintenance m = Maintenance.open(db, "semiont projections skip")) {
            long applied;
            try (Connection c = m.pool().getConnection()) {
                applied = org.semiont.server.projection.Checkpoints.read(c, org.semiont.server.projection.Projector.NAME);
            } catch (SQLException e) {
                throw new CliException(ExitCodes.FAILURE, "Cannot read the projections' checkpoint: " + e.getMessage());
            }
            SkippedEvents.Decision d;
            try {
                d = new ProjectionSkips(m.log(), Clock.systemUTC()).skip(position, reason, UserService.SYSTEM_ACTOR, applied,
                        SkippedEvents.load(m.log()));
            } catch (ProjectionSkips.Refused e) {
                throw new CliException(ExitCodes.FAILURE, e.getMessage() + "; nothing was recorded");
            }
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("position", d.position())
                    .put("type", d.type()).put("streamId", d.streamId()).put("reason", d.reason());
        }
    }
}
