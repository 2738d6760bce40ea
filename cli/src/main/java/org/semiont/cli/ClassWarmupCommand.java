package org.semiont.cli;

import java.sql.DriverManager;
import java.util.concurrent.Callable;
import org.semiont.schema.psl.PslParser;
import org.semiont.schema.target.TargetCalculator;
import org.semiont.server.util.Json;
import org.semiont.server.store.ApplicationSchema;
import picocli.CommandLine.Command;

/**
 * Hidden: exercises the code paths of the short verbs (schema parsing, JSON, the JDBC driver) without
 * touching any data, so the launcher can record a class-data-sharing archive from it.
 */
@Command(name = "class-warmup", hidden = true, description = "Load the classes of the short verbs (used by the launcher).")
public final class ClassWarmupCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        TargetCalculator.calculate(PslParser.parse(ApplicationSchema.FILE_NAME, ApplicationSchema.text()), "public");
        Json.mapper().readTree(Json.mapper().writeValueAsString(java.util.Map.of("warm", java.util.List.of(1, "x"))));
        DriverManager.getDriver("jdbc:postgresql://127.0.0.1/warmup");
        SemiontCommand.commandLine().getSubcommands().values().forEach(c -> c.getUsageMessage());
        return 0;
    }
}
