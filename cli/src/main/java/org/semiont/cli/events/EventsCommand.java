package org.semiont.cli.events;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code semiont events …}: the event log's verbs. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Inspect, verify and import the event log.",
        subcommands = {
                EventsVerifyCommand.class,
                EventsTailCommand.class,
                EventsStatsCommand.class,
                EventsImportCommand.class
        })
public final class EventsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
