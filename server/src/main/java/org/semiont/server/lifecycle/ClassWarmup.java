package org.semiont.server.lifecycle;

import org.semiont.server.util.Json;
import io.javalin.Javalin;
import org.semiont.schema.psl.PslParser;
import org.semiont.server.store.ApplicationSchema;

/**
 * Loads the heavy class graphs (Javalin/Jetty, Jackson, the PSL parser) on a background thread while
 * the main thread waits for PostgreSQL to start: on 2 cores this takes class loading off the
 * critical path of a start. Failures are irrelevant: the main thread loads whatever is missing.
 */
public final class ClassWarmup {
    private ClassWarmup() {
    }

    public static void startInBackground() {
        Thread t = new Thread(ClassWarmup::run, "class-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            Javalin.create(cfg -> cfg.startup.showJavalinBanner = false);
            Json.mapper().writeValueAsString(java.util.Map.of("warm", java.util.List.of(1, "x")));
            PslParser.parse(ApplicationSchema.FILE_NAME, ApplicationSchema.text());
        } catch (Exception | LinkageError ignored) {
            // Nothing to do: this only saves time.
        }
    }
}
