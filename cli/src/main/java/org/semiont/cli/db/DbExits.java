package org.semiont.cli.db;

import org.semiont.cli.common.CliException;
import org.semiont.cli.common.ExitCodes;
import org.semiont.cli.common.Secrets;
import org.semiont.schema.SchemaException;

/** The exit codes of the db verbs, and the one place a {@link SchemaException} becomes one. */
final class DbExits {
    static final int DATA_LOSS = 3;
    static final int UNEXECUTABLE = 4;
    static final int DRIFT = 5;

    private DbExits() {
    }

    static CliException toCli(SchemaException e) {
        int code = switch (e.error()) {
            case SCHEMA_INVALID -> ExitCodes.USAGE;
            case SCHEMA_DATA_LOSS -> DATA_LOSS;
            case SCHEMA_UNEXECUTABLE -> UNEXECUTABLE;
            case MIGRATION_INVALID -> ExitCodes.USAGE;
            case MIGRATION_MODIFIED, MIGRATION_STATE -> DRIFT;
            default -> ExitCodes.FAILURE;
        };
        StringBuilder message = new StringBuilder(Secrets.mask(e.getMessage()));
        for (String detail : e.details()) {
            message.append(System.lineSeparator()).append("  ").append(Secrets.mask(detail));
        }
        return new CliException(code, message.toString(), e);
    }
}
