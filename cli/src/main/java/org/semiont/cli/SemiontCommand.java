package org.semiont.cli;

import org.semiont.cli.common.ExitCodes;
import org.semiont.cli.common.VersionProvider;
import org.semiont.cli.db.DbCommand;
import org.semiont.cli.events.EventsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: only subcommands. */
@Command(name = "semiont", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Semiont: a self-hosted backend for collaborative knowledge bases built on W3C Web Annotations.",
        subcommands = {
                StartCommand.class,
                HealthCommand.class,
                LogsCommand.class,
                DbCommand.class,
                org.semiont.cli.db.MigrateCommand.class,
                PsqlCommand.class,
                EventsCommand.class,
                org.semiont.cli.user.UserAddCommand.class,
                org.semiont.cli.user.TokenCommand.class,
                org.semiont.cli.user.PasswdCommand.class,
                org.semiont.cli.projections.ProjectionsCommand.class,
                org.semiont.cli.backup.BackupCommand.class,
                org.semiont.cli.backup.RestoreCommand.class,
                org.semiont.cli.studio.StudioCommand.class,
                ClassWarmupCommand.class,
                CommandLine.HelpCommand.class
        })
public final class SemiontCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SemiontCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
        cl.setParameterExceptionHandler(ExitCodes::handleParameterException);
        return cl;
    }
}
