package org.semiont.ops.target;

import java.nio.file.Path;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;

/** Parses a target as the operator writes it: a directory path, or {@code s3://bucket/prefix}. */
public final class Targets {
    private Targets() {
    }

    /** Parses a target, reading the S3 settings ({@link S3Settings}) from the process environment. */
    public static BackupTarget parse(String target) {
        return parse(target, S3Settings.from(name -> java.util.Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank())));
    }

    public static BackupTarget parse(String target, S3Settings s3) {
        if (target == null || target.isBlank()) {
            throw new OpsException(OpsError.TARGET_INVALID, "no backup target: pass --target DIR or set SEMIONT_BACKUP_TARGET");
        }
        if (target.startsWith(S3Location.SCHEME)) {
            return S3Targets.open(S3Location.parse(target), s3);
        }
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new OpsException(OpsError.TARGET_INVALID, "unknown backup target scheme in '" + target
                    + "': pass a directory path or s3://bucket/prefix");
        }
        return new DirectoryTarget(Path.of(target));
    }
}
