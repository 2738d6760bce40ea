package org.semiont.ops.target;

import java.nio.file.Path;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;

/** Parses a target as the operator writes it: a directory path, or {@code s3://bucket/prefix}. */
public final class Targets {
    private Targets() {
    }

    public static BackupTarget parse(String target) {
        if (target == null || target.isBlank()) {
            throw new OpsException(OpsError.TARGET_INVALID, "no backup target: pass --target DIR or set SEMIONT_BACKUP_TARGET");
        }
        if (target.startsWith("s3://")) {
            throw new OpsException(OpsError.TARGET_INVALID, "S3 targets (" + target + ") are not supported by this build yet; "
                    + "back up to a directory (a mounted network file system works) and copy it to object storage");
        }
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new OpsException(OpsError.TARGET_INVALID, "unknown backup target scheme in '" + target
                    + "': pass a directory path");
        }
        return new DirectoryTarget(Path.of(target));
    }
}
