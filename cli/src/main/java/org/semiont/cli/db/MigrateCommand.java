package org.semiont.cli.db;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code semiont migrate …}: versioned migrations in Prisma Migrate's folder layout and history table. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Versioned migrations: migrations/<timestamp>_<name>/migration.sql (+ down.sql), recorded in",
                "_prisma_migrations, compatible with Prisma Migrate."},
        subcommands = {MigrateDevCommand.class, MigrateDeployCommand.class, MigrateStatusCommand.class,
                MigrateResolveCommand.class, MigrateDiffCommand.class, MigrateBaselineCommand.class, MigrateRollbackCommand.class})
public final class MigrateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
