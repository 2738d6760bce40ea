package org.semiont.server.testing;

import java.time.Duration;

/** Polls a condition until it holds (for asynchronous effects such as a pool noticing an outage). */
public final class Eventually {
    private Eventually() {
    }

    public interface Check {
        void run() throws Exception;
    }

    public static void within(Duration limit, Check check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
