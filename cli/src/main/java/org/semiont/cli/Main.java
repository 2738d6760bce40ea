package org.semiont.cli;

import ch.qos.logback.classic.Level;
import org.semiont.server.logging.LogSetup;

/** Entry point of the {@code semiont} program. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        // before any library logs: without a configuration logback prints DEBUG to stdout, which would mix the
        // embedded PostgreSQL's chatter into output other tools read ('db push --json', 'db pull --print');
        // 'start' replaces this with the server's console and file logs
        LogSetup.console(Level.WARN);
        return SemiontCommand.commandLine().execute(args);
    }
}
