package org.semiont.cli.common;

import org.semiont.server.error.DomainException;

/** The one place a server domain failure becomes an exit code: bad input is a usage error, the rest a failure. */
public final class DomainExits {
    private DomainExits() {
    }

    public static int exitCode(DomainException e) {
        return switch (e.kind()) {
            case INVALID -> ExitCodes.USAGE;
            case NOT_FOUND, CONFLICT, UNAVAILABLE -> ExitCodes.FAILURE;
        };
    }

    /** The failure as the CLI reports it: its message and its exit code. */
    public static CliException toCli(DomainException e) {
        return new CliException(exitCode(e), e.getMessage());
    }
}
