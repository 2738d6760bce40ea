package org.semiont.cli.db;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code semiont db …}: the schema engine's verbs. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = {"Keep the database in sync with schema.prisma (push, pull, status, diff, reset);",
                "see and end its sessions (activity, locks, cancel, terminate); an SQL shell (sql)."},
        subcommands = {DbPushCommand.class, DbStatusCommand.class, DbDiffCommand.class, DbPullCommand.class,
                DbResetCommand.class, DbActivityCommand.class, DbLocksCommand.class,
                DbCancelCommand.class, DbTerminateCommand.class, DbSqlCommand.class})
public final class DbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
