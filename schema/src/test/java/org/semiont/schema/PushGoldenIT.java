package org.semiont.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.semiont.schema.check.Finding;
import org.semiont.schema.testing.TestDatabases;

/**
 * Golden push cases: {@code push/<case>/before.sql} (optional) builds the live database, {@code data.sql}
 * (optional) fills it, {@code schema.prisma} is pushed without --accept-data-loss; the statements must
 * equal {@code expected.sql} and the outcome {@code expected-report.txt}. A second push of the same
 * schema must then be a no-op whenever the first one applied. Run with {@code -Dgolden.update=true} to
 * rewrite the expected files (then review the diff).
 */
class PushGoldenIT {
    private static final Path ROOT = Paths.get("src/test/resources/push");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_push_matches_its_golden_files(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        runSql(db, dir.resolve("before.sql"));
        runSql(db, dir.resolve("data.sql"));
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
        String psl = Files.readString(dir.resolve("schema.prisma"));

        PushResult result = engine.push("schema.prisma", psl, PushOptions.safe());

        String sql = result.statements().isEmpty() ? "" : String.join(";\n\n", result.statements()) + ";\n";
        String report = report(result);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(dir.resolve("expected.sql"), sql, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("expected-report.txt"), report, StandardCharsets.UTF_8);
        }
        assertThat(sql).isEqualTo(Files.readString(dir.resolve("expected.sql")));
        assertThat(report).isEqualTo(Files.readString(dir.resolve("expected-report.txt")));
        if (result.applied()) {
            assertThat(engine.diff("schema.prisma", psl).differences()).as("drift after applying").isEmpty();
        }
    }

    private static String report(PushResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("applied: " + result.applied());
        lines.add("in sync: " + result.inSync());
        for (Finding f : result.warnings()) {
            lines.add("warning " + f.code() + ": " + f.message());
        }
        for (Finding f : result.unexecutable()) {
            lines.add("unexecutable " + f.code() + ": " + f.message());
        }
        return String.join("\n", lines) + "\n";
    }

    private static void runSql(JdbcSchemaDatabase db, Path file) throws IOException {
        if (Files.exists(file)) {
            TestDatabases.exec(db, Files.readString(file));
        }
    }
}
