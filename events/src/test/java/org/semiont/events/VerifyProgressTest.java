package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyProgressTest {
    @TempDir
    Path dir;

    @Test
    void each_stream_is_reported_once_with_the_counts_the_report_sums() {
        try (EventLog log = Fixtures.open(dir)) {
            for (int i = 0; i < 30; i++) {
                String stream = "doc-" + (i % 6);
                log.append(stream, ExpectedVersion.any(), Fixtures.event("x", stream, "t" + i));
            }
            Map<String, long[]> seen = new ConcurrentHashMap<>();
            VerifyReport r = log.verify(null, (id, events, bytes) -> {
                assertThat(seen.put(id, new long[] {events, bytes})).as("reported twice: " + id).isNull();
            });
            assertThat(r.clean()).isTrue();
            assertThat(seen).hasSize(6).containsKeys("doc-0", "doc-5");
            assertThat(seen.values().stream().mapToLong(c -> c[0]).sum()).isEqualTo(r.events()).isEqualTo(30);
            assertThat(seen.values().stream().mapToLong(c -> c[1]).sum()).isEqualTo(r.bytes());
        }
    }
}
