package org.semiont.cli.common;

import org.semiont.server.error.DomainException;

/**
 * The one place a server domain failure becomes an exit code: bad input (invalid, in a format or size the server does
 * not take, without the version it must name) is a usage error, the rest a failure.
 */
public final class DomainExits {
    private DomainExits() {
    }

    public static int exitCode(DomainException e) {
        return switch (e.kind()) {
            case INVALID, UNSUPPORTED, UNACCEPTABLE, TOO_LARGE, VERSION_REQUIRED -> ExitCodes.USAGE;
            case NOT_FOUND, CONFLICT, UNAVAILABLE, UNAUTHENTICATED, DENIED, STALE, THROTTLED, CORRUPTED ->
                    ExitCodes.FAILURE;
        };
    }

    /** The failure as the CLI reports it: its message and its exit code. */
    public static CliException toCli(DomainException e) {
        return new CliException(exitCode(e), e.getMessage());
    }
}
