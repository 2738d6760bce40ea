package org.semiont.cli.backup;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code semiont backup}: the verbs on a backup target. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the event log, content and (optionally) secrets; list, verify and prune backups.",
                "Exit codes: 0 ok, 1 failure, 2 usage, 6 verification failed."},
        subcommands = {BackupCreateCommand.class, BackupListCommand.class, BackupVerifyCommand.class, BackupPruneCommand.class})
public final class BackupCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
