package org.semiont.cli.backup;

import java.util.function.Supplier;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.ExitCodes;
import org.semiont.ops.OpsException;

/** Exit codes of the backup and restore verbs: 0 ok, 1 failure, 2 usage, 6 verification failed. */
final class OpsExits {
    static final int DEFECTS = 6;

    private OpsExits() {
    }

    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (OpsException e) {
            throw failure(e);
        }
    }

    static CliException failure(OpsException e) {
        int code = switch (e.error()) {
            case TARGET_INVALID, POINT_INVALID, SETTING_INVALID -> ExitCodes.USAGE;
            case BACKUP_DEFECTIVE -> DEFECTS;
            default -> ExitCodes.FAILURE;
        };
        return new CliException(code, e.getMessage() + " [" + e.error() + "]", e);
    }
}
