package org.semiont.cli.backup;

import org.semiont.ops.target.BackupTarget;
import org.semiont.ops.target.Targets;
import org.semiont.server.config.Environment;
import picocli.CommandLine.Option;

/** {@code --target T}: a directory or {@code s3://bucket/prefix}; default {@code $SEMIONT_BACKUP_TARGET}. */
public final class TargetOption {
    public static final String ENV = "SEMIONT_BACKUP_TARGET";

    @Option(names = "--target", paramLabel = "T", description = "Backup target: a directory or s3://bucket/prefix (default: $SEMIONT_BACKUP_TARGET).")
    String target;

    BackupTarget open() {
        return OpsExits.call(() -> Targets.parse(target != null ? target : Environment.system().get(ENV).orElse(null)));
    }
}
