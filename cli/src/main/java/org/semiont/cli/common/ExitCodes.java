package org.semiont.cli.common;

import picocli.CommandLine;

/**
 * Exit codes shared by every verb, and the picocli handlers that map failures to them.
 * Verb-specific codes (3, 4, 5, 6) are returned by the verbs themselves.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }

    public static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("error: " + e.getMessage());
        cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return USAGE;
    }

    public static int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof CliException ce) {
            cmd.getErr().println("error: " + ce.getMessage());
            return ce.exitCode();
        }
        cmd.getErr().println("error: " + Secrets.mask(String.valueOf(e.getMessage())));
        return FAILURE;
    }
}
