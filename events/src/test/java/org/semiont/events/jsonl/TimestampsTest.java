package org.semiont.events.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Seconds from 1900 to 10100: both sides of every fast-path boundary (1970, year 10000). */
    @Property(tries = 3000)
    void format_and_parse_equal_java_time(@ForAll @LongRange(min = -2_208_988_800L, max = 256_558_060_800L) long seconds,
                                          @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant t = Instant.ofEpochSecond(seconds, nanos);
        String text = Timestamps.format(t);
        assertThat(text).isEqualTo(REFERENCE.format(t));
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(text)).isEqualTo(t.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void month_ends_leap_days_and_javascript_examples() {
        for (String s : new String[] {"2024-02-29T23:59:59.999Z", "2026-01-31T00:00:00.000Z", "1970-01-01T00:00:00.000Z",
                "2000-12-31T12:34:56.789Z", "9999-12-31T23:59:59.999Z", "2026-01-01T24:00:00.000Z"}) {
            assertThat(Timestamps.parse(s)).isEqualTo(Instant.parse(s));
            assertThat(Timestamps.format(Instant.parse(s))).isEqualTo(REFERENCE.format(Instant.parse(s)));
        }
    }

    @Test
    void other_iso_forms_go_through_java_time() {
        for (String s : new String[] {"2026-11-25T12:43:49Z", "2026-11-25T12:43:49.123456Z", "2026-11-25T12:43:49.984+00:00"}) {
            assertThat(Timestamps.parse(s)).as(s).isEqualTo(Instant.parse(s));
        }
    }

    @Test
    void malformed_text_fails_like_java_time() {
        for (String s : new String[] {"2026-13-01T00:00:00.000Z", "2026-02-30T00:00:00.000Z", "2023-02-29T00:00:00.000Z", "2026-01-01T25:00:00.000Z",
                "2026-01-01T00:00:00.00xZ", "2026-01-01 00:00:00.000Z", ""}) {
            assertThatThrownBy(() -> Timestamps.parse(s)).as(s).isInstanceOf(DateTimeException.class);
        }
    }
}
