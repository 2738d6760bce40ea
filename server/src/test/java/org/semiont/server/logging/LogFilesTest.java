package org.semiont.server.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogFilesTest {
    private static final Logger log = LoggerFactory.getLogger("org.semiont.test.LogFilesTest");

    @TempDir
    Path logDir;

    @AfterEach
    void restoreConsole() {
        LogSetup.console(Level.WARN);
    }

    private List<LogLine> read(LogQuery q) throws Exception {
        List<LogLine> out = new ArrayList<>();
        new LogReader(logDir).read(q, out::add);
        return out;
    }

    @Test
    void the_file_log_is_json_lines_rotated_by_size_and_read_back_oldest_first() throws Exception {
        LogSetup.server(logDir, 4096, 1);
        for (int i = 0; i < 200; i++) {
            log.info("event number {} with some padding to fill the file quickly ............................", i);
            if (i % 20 == 0) {
                Thread.sleep(5);
            }
        }
        LogSetup.console(Level.WARN);
        assertThat(logDir.resolve("semiont.1.log")).exists();
        List<LogLine> lines = read(new LogQuery(Optional.empty(), Optional.of("event number"), Optional.empty()));
        assertThat(lines).isNotEmpty();
        List<Integer> numbers = lines.stream().map(l -> Integer.parseInt(l.message().split(" ")[2])).toList();
        assertThat(numbers).isSorted();
        assertThat(numbers.get(numbers.size() - 1)).isEqualTo(199);
        assertThat(lines.get(0).timestamp()).isPresent();
        assertThat(Files.readAllLines(logDir.resolve("semiont.log")).get(0)).startsWith("{\"ts\":");
    }

    @Test
    void secrets_in_log_messages_are_masked_in_the_file() throws Exception {
        LogSetup.server(logDir);
        log.warn("connecting to postgresql://app:TopS3cret@db:5432/kb");
        LogSetup.console(Level.WARN);
        String text = Files.readString(logDir.resolve("semiont.log"));
        assertThat(text).contains("postgresql://app:****@db:5432/kb").doesNotContain("TopS3cret");
    }

    @Test
    void queries_filter_by_level_text_and_time() {
        LogLine warn = LogLine.parse("{\"ts\":\"2026-11-25T10:00:00.000Z\",\"level\":\"WARN\",\"logger\":\"a.B\",\"msg\":\"Disk almost full\"}");
        LogLine info = LogLine.parse("{\"ts\":\"2026-11-25T12:00:00.000Z\",\"level\":\"INFO\",\"logger\":\"a.B\",\"msg\":\"hello\"}");
        assertThat(new LogQuery(Optional.of("warn"), Optional.empty(), Optional.empty()).matches(warn)).isTrue();
        assertThat(new LogQuery(Optional.of("warn"), Optional.empty(), Optional.empty()).matches(info)).isFalse();
        assertThat(new LogQuery(Optional.empty(), Optional.of("DISK"), Optional.empty()).matches(warn)).isTrue();
        assertThat(new LogQuery(Optional.empty(), Optional.empty(), Optional.of(Instant.parse("2026-11-25T11:00:00Z"))).matches(warn)).isFalse();
        assertThat(warn.human()).isEqualTo("2026-11-25T10:00:00.000Z WARN  B - Disk almost full");
        assertThat(LogLine.parse("not json").message()).isEqualTo("not json");
        assertThatThrownBy(() -> new LogQuery(Optional.of("LOUD"), Optional.empty(), Optional.empty()))
                .hasMessageContaining("Unknown level \"LOUD\"");
    }
}
