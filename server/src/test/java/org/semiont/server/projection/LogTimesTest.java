package org.semiont.server.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTimesTest {
    @Test
    void the_log_form_reads_as_the_iso_parser_reads_it() {
        for (String t : new String[] {"2026-11-25T12:43:49.984Z", "2024-02-29T23:59:59.999Z", "2000-01-01T00:00:00.000Z",
                "1999-12-31T23:59:59.001Z"}) {
            assertThat(LogTimes.utc(t)).as(t).isEqualTo(Sql.utc(Instant.parse(t)));
        }
    }

    @Test
    void other_forms_go_through_the_iso_parser() {
        for (String t : new String[] {"2026-11-25T12:43:49Z", "2026-11-25T12:43:49.123456Z", "2026-11-25T12:43:49.984+00:00"}) {
            assertThat(LogTimes.utc(t)).as(t).isEqualTo(Sql.utc(Instant.parse(t)));
        }
    }

    @Test
    void impossible_dates_are_refused_as_the_iso_parser_refuses_them() {
        assertThatThrownBy(() -> LogTimes.utc("2023-02-29T00:00:00.000Z")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> LogTimes.utc("2023-13-01T00:00:00.000Z")).isInstanceOf(RuntimeException.class);
    }
}
