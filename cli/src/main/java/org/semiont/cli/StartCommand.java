package org.semiont.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.cli.common.ShutdownSignals;
import org.semiont.server.SemiontVersion;
import org.semiont.server.ServerApp;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.logging.LogSetup;
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

    @Mixin
    DataDirOptions dataDir;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = ServerConfig.from(Environment.system(),
                new ServerConfig.Overrides(host, port, baseUrl, dataDir.dataDir(), null));
        LogSetup.server(new org.semiont.server.datadir.DataDirLayout(config.dataDir()).logs());
        CountDownLatch stop = new CountDownLatch(1);
        ShutdownSignals.onTerminate(stop::countDown);
        long t0 = System.nanoTime();
        try (ServerApp app = ServerApp.start(config)) {
            printBanner(app, (System.nanoTime() - t0) / 1_000_000);
            stop.await();
            System.err.println("Stopping…");
        }
        System.err.println("Stopped.");
        return ExitCodes.OK;
    }

    private static void printBanner(ServerApp app, long millis) {
        System.out.println("Semiont " + SemiontVersion.VERSION + " ready in " + millis + " ms");
        System.out.println("  URL:      " + app.url() + "   (base URL " + app.config().baseUrl() + ")");
        System.out.println("  Database: " + app.databaseDescription());
        System.out.println("  Data dir: " + app.config().dataDir());
        System.out.flush();
    }
}
