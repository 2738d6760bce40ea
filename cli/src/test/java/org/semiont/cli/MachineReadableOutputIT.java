package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output that other tools read stays clean when the verb runs the embedded PostgreSQL: its libraries' log lines
 * once went to stdout (logback's default without a configuration), ahead of the JSON and inside the schema.
 */
class MachineReadableOutputIT {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void db_push_json_and_db_pull_print_write_only_their_output_on_an_embedded_data_dir(@TempDir Path dir) throws Exception {
        String data = Files.createDirectories(dir.resolve("data")).toString();
        SemiontProcess.Separate push = SemiontProcess.runSeparately("db", "push", "--json", "--data-dir", data);
        assertThat(push.exitCode()).as(push.out() + push.err()).isZero();
        JsonNode report = STRICT.readTree(push.out());
        assertThat(report.get("applied").isBoolean()).as(push.out()).isTrue();
        assertThat(push.err()).as("nothing below WARN on stderr either").doesNotContain(" INFO ").doesNotContain(" DEBUG ");

        SemiontProcess.Separate pull = SemiontProcess.runSeparately("db", "pull", "--print", "--data-dir", data);
        assertThat(pull.exitCode()).as(pull.out() + pull.err()).isZero();
        assertThat(pull.out().strip()).startsWith("datasource").contains("model annotations {");
        assertThat(pull.out()).doesNotContain("INFO").doesNotContain("DEBUG");
    }
}
