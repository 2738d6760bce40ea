package org.semiont.cli.studio;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.cli.common.ShutdownSignals;
import org.semiont.server.ServerApp;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.logging.LogSetup;
import org.semiont.studio.Studio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code semiont studio}: the studio on loopback over the data dir's configured or embedded database. Its edits go
 * through the event log, which one process owns, so it runs the server's composition on the data dir (the API is
 * served beside it); while a server runs on the data dir, that server serves the studio with {@code SEMIONT_STUDIO=on}.
 */
@Command(name = "studio", mixinStandardHelpOptions = true,
        description = {"Browse and edit the database, with the events beside each row, in a web browser (127.0.0.1 only).",
                "Sign in with an admin (edits) or moderator (browses) password account."})
public final class StudioCommand implements Callable<Integer> {
    static final String LOOPBACK = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5555", description = "Port on 127.0.0.1 (default: 5555; 0 = any free port).")
    int port;

    @Option(names = "--read-only", description = "Refuse every write (read-only transactions; no domain edits).")
    boolean readOnly;

    @Option(names = "--open", description = "Open the studio in the default browser once it is ready.")
    boolean open;

    @Option(names = "--schema", paramLabel = "FILE", description = "Your schema.prisma (default: $SEMIONT_SCHEMA, else the bundled schema).")
    java.nio.file.Path schema;

    @Mixin
    DataDirOptions dataDir;

    @Override
    public Integer call() {
        Environment env = Environment.system();
        ServerConfig config = ServerConfig.from(env, new ServerConfig.Overrides(LOOPBACK, port, null, dataDir.dataDir(), null, schema));
        LogSetup.server(new org.semiont.server.datadir.DataDirLayout(config.dataDir()).logs());
        CountDownLatch stop = new CountDownLatch(1);
        ShutdownSignals.onTerminate(stop::countDown);
        ServerApp started;
        try {
            started = ServerApp.start(config, env, List.of(Studio.extension(readOnly)));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            if (e.getMessage().contains("already in use")) {
                System.err.println("A server runs on this data dir: restart it with SEMIONT_STUDIO=on and open <its URL>/studio/");
            }
            return ExitCodes.FAILURE;
        }
        try (ServerApp app = started) {
            String url = app.url() + Studio.BASE + "/";
            System.out.println("Semiont studio" + (readOnly ? " (read-only)" : ""));
            System.out.println("  URL:      " + url);
            System.out.println("  Database: " + app.databaseDescription());
            System.out.flush();
            if (open) {
                BrowserLauncher.open(url);
            }
            awaitStop(stop);
        }
        return ExitCodes.OK;
    }

    private static void awaitStop(CountDownLatch stop) {
        while (true) {
            try {
                stop.await();
                return;
            } catch (InterruptedException e) {
                // only the latch ends the wait
            }
        }
    }
}
