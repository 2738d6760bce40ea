package org.semiont.cli.common;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a callback instead of the JVM's default handling (which runs
 * shutdown hooks and exits with 143/130): the server stops in order and exits 0.
 */
public final class ShutdownSignals {
    private ShutdownSignals() {
    }

    public static void onTerminate(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), sig -> action.run());
            } catch (IllegalArgumentException e) {
                // Signal not available on this platform (or reserved by the JVM): keep the default.
            }
        }
    }
}
