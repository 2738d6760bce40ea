package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.semiont.server.config.DatabaseSettings;
import org.semiont.server.config.DatabaseSource;
import org.semiont.server.config.Environment;
import picocli.CommandLine;

/**
 * Verbs that work on existing data refuse a data dir that does not exist, and leave nothing behind: a mistyped
 * path must not become a new data dir (with a secret, or a whole PostgreSQL cluster) that then reports on nothing.
 */
class MissingDataDirTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "semiont {0}")
    @ValueSource(strings = {"token --email ada@example.org", "logs", "projections check", "projections rebuild",
        "db status", "events stats"})
    void is_refused_and_nothing_is_created(String verb) {
        // with an external database configured, the db verbs need no data dir at all
        Assumptions.assumeTrue(!verb.startsWith("db ") || DatabaseSettings.resolve(Environment.system(), Optional.empty())
                instanceof DatabaseSource.Embedded);
        Path missing = tmp.resolve("mistyped");
        List<String> args = new ArrayList<>(List.of(verb.split(" ")));
        args.addAll(List.of("--data-dir", missing.toString()));
        StringWriter err = new StringWriter();
        CommandLine cl = SemiontCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));

        int exit = cl.execute(args.toArray(String[]::new));

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("data directory " + missing + " does not exist").contains("--data-dir");
        assertThat(missing).doesNotExist();
    }
}
