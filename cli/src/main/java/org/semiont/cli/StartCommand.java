package org.semiont.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.semiont.cli.backup.ServerBackups;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.cli.common.ShutdownSignals;
import org.semiont.server.ServerApp;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.logging.LogSetup;
import org.semiont.server.util.SemiontVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont start}: runs the server until SIGTERM or Ctrl-C, then stops cleanly and exits 0. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start the Semiont server.",
                "Without DATABASE_URL (or DATABASE_SECRET, DATABASE_SECRET_FILE, DB_HOST…) it runs an embedded PostgreSQL in <data-dir>/postgres."})
public final class StartCommand implements Callable<Integer> {
    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: $SEMIONT_HOST or 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: $SEMIONT_PORT or 4000; 0 = any free port).")
    Integer port;

    @Option(names = "--base-url", paramLabel = "URL", description = "Public URL of the server, used in annotation IRIs (default: $SEMIONT_BASE_URL or http://<host>:<port>).")
    String baseUrl;

    @Option(names = "--schema", paramLabel = "FILE", description = "Your schema.prisma: the bundled models unchanged plus"
            + " models of your own (default: $SEMIONT_SCHEMA, else the bundled schema).")
    java.nio.file.Path schema;

    @Mixin
    DataDirOptions dataDir;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = ServerConfig.from(Environment.system(),
                new ServerConfig.Overrides(host, port, baseUrl, dataDir.dataDir(), null, schema));
        ServerBackups.Settings backups = ServerBackups.settings(Environment.system());
        LogSetup.server(new org.semiont.server.datadir.DataDirLayout(config.dataDir()).logs());
        CountDownLatch stop = new CountDownLatch(1);
        // a stop request during start-up (a long catch-up, say) interrupts the start; after it, it ends the wait below
        Thread starting = Thread.currentThread();
        java.util.concurrent.atomic.AtomicBoolean ready = new java.util.concurrent.atomic.AtomicBoolean();
        ShutdownSignals.onTerminate(() -> {
            if (stop.getCount() > 0 && !ready.get()) {
                starting.interrupt();
            }
            stop.countDown();
        });
        long t0 = System.nanoTime();
        ServerApp started;
        try {
            started = ServerApp.start(config, Environment.system(),
                    org.semiont.cli.studio.StudioSwitch.extensions(Environment.system()));
        } catch (ServerApp.StartCancelled e) {
            System.err.println("Stopped before the server was ready.");
            return ExitCodes.OK;
        }
        ready.set(true);
        Thread.interrupted(); // a stop request that raced the end of the start is in the latch
        try (ServerApp app = started; ServerBackups b = ServerBackups.start(app, backups, System.err)) {
            printBanner(app, (System.nanoTime() - t0) / 1_000_000);
            awaitStop(stop);
            System.err.println("Stopping…");
        }
        System.err.println("Stopped.");
        return ExitCodes.OK;
    }

    /** A stop request that raced the end of the start may also have interrupted this thread: the latch decides. */
    private static void awaitStop(CountDownLatch stop) {
        while (true) {
            try {
                stop.await();
                return;
            } catch (InterruptedException e) {
                // the signal handler counted the latch down before interrupting
            }
        }
    }

    private static void printBanner(ServerApp app, long millis) {
        System.out.println("Semiont " + SemiontVersion.VERSION + " ready in " + millis + " ms");
        System.out.println("  URL:      " + app.url() + "   (base URL " + app.config().baseUrl() + ")");
        System.out.println("  Database: " + app.databaseDescription());
        System.out.println("  Data dir: " + app.config().dataDir());
        if (app.routes().stream().anyMatch(r -> r.endsWith(" /studio/"))) {
            System.out.println("  Studio:   " + app.url() + "/studio/");
        }
        System.out.flush();
    }
}
