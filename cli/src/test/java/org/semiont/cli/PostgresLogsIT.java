package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logs --postgres} shows the embedded PostgreSQL's log, with statements over SEMIONT_DB_SLOW_QUERY in it. */
class PostgresLogsIT {
    @TempDir
    Path dataDir;

    @Test
    void a_slow_statement_shows_in_logs_postgres_unless_slow_query_logging_is_off() throws Exception {
        String dir = dataDir.toString();
        Files.createDirectories(dataDir);
        SemiontProcess.Result off = SemiontProcess.runWithEnv(Map.of("SEMIONT_DB_SLOW_QUERY", "off"),
                "db", "sql", "--data-dir", dir, "-c", "SELECT pg_sleep(1.1) AS unlogged_sleep");
        assertThat(off.exitCode()).as(off.output()).isZero();
        SemiontProcess.Result slow = SemiontProcess.run("db", "sql", "--data-dir", dir, "-c", "SELECT pg_sleep(1.1) AS logged_sleep",
                "-c", "SELECT 1 AS fast_one");
        assertThat(slow.exitCode()).as(slow.output()).isZero();
        assertThat(slow.output()).contains("logged_sleep").contains("(1 row)");

        SemiontProcess.Result log = SemiontProcess.run("logs", "--postgres", "--data-dir", dir);
        assertThat(log.exitCode()).as(log.output()).isZero();
        assertThat(log.output()).contains("database system is ready to accept connections")
                .containsPattern("duration: 1\\d{3}\\.\\d+ ms  .*SELECT pg_sleep\\(1.1\\) AS logged_sleep")
                .doesNotContain("unlogged_sleep").doesNotContain("fast_one");
        SemiontProcess.Result grep = SemiontProcess.run("logs", "--postgres", "--grep", "DURATION:", "--data-dir", dir);
        assertThat(grep.output().strip().lines()).hasSize(1).allMatch(l -> l.contains("logged_sleep"));

        assertThat(SemiontProcess.run("logs", "--postgres", "--level", "WARN", "--data-dir", dir).exitCode()).isEqualTo(2);
        SemiontProcess.Result external = SemiontProcess.runWithEnv(Map.of("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/semiont"),
                "logs", "--postgres", "--data-dir", dir);
        assertThat(external.exitCode()).isEqualTo(1);
        assertThat(external.output()).contains("external");
    }
}
