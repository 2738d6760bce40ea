package org.semiont.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.ExitCodes;
import org.semiont.cli.common.ShutdownSignals;
import org.semiont.ops.pglog.PostgresLog;
import org.semiont.server.config.DatabaseSettings;
import org.semiont.server.config.DatabaseSource;
import org.semiont.server.config.Environment;
import org.semiont.server.datadir.DataDirLayout;

/** {@code semiont logs --postgres}: the embedded PostgreSQL's log, as it is, filtered and followed. */
final class PostgresLogs {
    private PostgresLogs() {
    }

    static int show(Path dataDir, Optional<String> grep, boolean follow, Optional<String> unsupported, PrintWriter out)
            throws Exception {
        if (unsupported.isPresent()) {
            throw new CliException(ExitCodes.USAGE, unsupported.get() + " does not apply to --postgres (its log is plain text)");
        }
        DatabaseSource source = DatabaseSettings.resolve(Environment.system(), Optional.empty());
        if (source instanceof DatabaseSource.External ext) {
            throw new CliException(ExitCodes.FAILURE, "the database is external (" + ext.target().displayName()
                    + "): its log is kept by that server (see its log_directory, or your provider's console); "
                    + "--postgres reads the embedded database's log");
        }
        PostgresLog log = new PostgresLog(new DataDirLayout(dataDir).logs(), grep);
        long offset = log.read(out::println);
        out.flush();
        if (follow) {
            AtomicBoolean interrupted = new AtomicBoolean();
            ShutdownSignals.onTerminate(() -> interrupted.set(true));
            log.follow(offset, line -> {
                out.println(line);
                out.flush();
            }, () -> !interrupted.get());
        }
        return ExitCodes.OK;
    }
}
