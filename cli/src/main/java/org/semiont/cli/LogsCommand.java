package org.semiont.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.cli.common.ShutdownSignals;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.Durations;
import org.semiont.server.datadir.DataDirLayout;
import org.semiont.server.logging.LogLine;
import org.semiont.server.logging.LogQuery;
import org.semiont.server.logging.LogReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont logs}: reads the server's JSON log, filtered, optionally following it. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = {"Show the server's log (<data-dir>/logs/semiont.log),",
        "or with --postgres the embedded PostgreSQL's (<data-dir>/logs/postgres.log; slow statements: SEMIONT_DB_SLOW_QUERY)."})
public final class LogsCommand implements Callable<Integer> {
    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
    boolean follow;

    @Option(names = "--grep", paramLabel = "TEXT", description = "Only lines containing TEXT (case-insensitive).")
    String grep;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Only this level and above: TRACE, DEBUG, INFO, WARN, ERROR.")
    String level;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only lines from the last DURATION (e.g. 30s, 10m, 2h, 1d).")
    String since;

    @Option(names = "--json", description = "Print the raw JSON lines.")
    boolean json;

    @Option(names = "--postgres", description = "The embedded PostgreSQL's log instead (with --grep and --follow).")
    boolean postgres;

    @Mixin
    DataDirOptions dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private volatile boolean interrupted;

    @Override
    public Integer call() throws Exception {
        if (postgres) {
            return PostgresLogs.show(dataDir.existingDataDir(), Optional.ofNullable(grep), follow, unsupportedWithPostgres(),
                    spec.commandLine().getOut());
        }
        LogQuery query = query();
        LogReader reader = new LogReader(new DataDirLayout(dataDir.existingDataDir()).logs());
        PrintWriter out = spec.commandLine().getOut();
        reader.read(query, line -> print(out, line));
        out.flush();
        if (follow) {
            ShutdownSignals.onTerminate(() -> interrupted = true);
            reader.follow(query, line -> {
                print(out, line);
                out.flush();
            }, () -> !interrupted);
        }
        return ExitCodes.OK;
    }

    private Optional<String> unsupportedWithPostgres() {
        return level != null ? Optional.of("--level") : since != null ? Optional.of("--since") : json ? Optional.of("--json") : Optional.empty();
    }

    private LogQuery query() {
        try {
            Optional<Instant> from = Optional.ofNullable(since).map(s -> Instant.now().minus(parse(s)));
            return new LogQuery(Optional.ofNullable(level), Optional.ofNullable(grep), from);
        } catch (IllegalArgumentException | ConfigException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    private static Duration parse(String s) {
        return Durations.parse(s, "--since");
    }

    private void print(PrintWriter out, LogLine line) {
        out.println(json ? line.raw() : line.human());
    }
}
