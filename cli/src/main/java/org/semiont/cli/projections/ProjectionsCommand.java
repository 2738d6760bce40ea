package org.semiont.cli.projections;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code semiont projections …}: rebuild or check the PostgreSQL projections from the event log. */
@Command(name = "projections", mixinStandardHelpOptions = true,
        description = "Rebuild, check or inspect the projections (PostgreSQL tables and JSON files) of the event log.",
        subcommands = {RebuildCommand.class, CheckCommand.class, StatusCommand.class, SkipCommand.class})
public final class ProjectionsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
