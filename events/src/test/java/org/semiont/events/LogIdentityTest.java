package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log's identity is made once, on its first opening for writing, and never changes; another log has another. */
class LogIdentityTest {
    @TempDir
    Path dir;
    @TempDir
    Path other;

    @Test
    void is_created_once_and_kept_across_reopening_and_read_only_opening() {
        String id;
        try (EventLog log = Fixtures.open(dir)) {
            id = log.logId();
            log.append("doc-sha256:ab", ExpectedVersion.any(), Fixtures.event("document.created", "doc-sha256:ab", "a"));
        }
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        try (EventLog again = Fixtures.open(dir)) {
            assertThat(again.logId()).isEqualTo(id);
        }
        try (EventLog readOnly = EventLog.open(dir, EventLogOptions.defaults().withReadOnly(true))) {
            assertThat(readOnly.logId()).isEqualTo(id);
        }
        try (EventLog another = Fixtures.open(other)) {
            assertThat(another.logId()).isNotEqualTo(id);
        }
    }

    @Test
    void a_damaged_identity_file_stops_the_opening_with_its_path() throws Exception {
        Path global = dir.resolve("events").resolve(EventLog.GLOBAL_DIR);
        Files.createDirectories(global);
        Files.writeString(global.resolve("log-id"), "not a uuid\n");
        assertThatThrownBy(() -> Fixtures.open(dir)).isInstanceOf(EventsException.class).hasMessageContaining("log-id")
                .hasMessageContaining("malformed");
    }
}
