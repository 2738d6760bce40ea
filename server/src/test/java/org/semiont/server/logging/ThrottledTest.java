package org.semiont.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottledTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final Throttled throttled = new Throttled(Duration.ofSeconds(60), now::get);

    @Test
    void the_first_occurrence_is_logged_then_one_per_interval_counting_the_rest() {
        assertThat(throttled.admit()).isZero();
        assertThat(throttled.admit()).isEqualTo(Throttled.SUPPRESSED);
        assertThat(throttled.admit()).isEqualTo(Throttled.SUPPRESSED);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(throttled.admit()).isEqualTo(Throttled.SUPPRESSED);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(throttled.admit()).as("three were not logged").isEqualTo(3);
        assertThat(throttled.since(3)).isEqualTo(" (and 3 more like it since the last such line, which come at most every 60 s)");
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(throttled.admit()).isZero();
        assertThat(throttled.since(0)).isEmpty();
    }
}
