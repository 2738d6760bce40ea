package org.semiont.cli.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress output, driven by a hand-moved clock. */
class ProgressBarTest {
    private final AtomicLong now = new AtomicLong();
    private final StringWriter text = new StringWriter();

    private ProgressBar bar(boolean terminal, long total) {
        return new ProgressBar(new PrintWriter(text), terminal, total, now::get);
    }

    @Test
    void on_a_terminal_one_line_is_redrawn_with_bar_counts_rate_and_eta() {
        ProgressBar bar = bar(true, 200_000);
        now.set(1_000_000_000L);
        bar.update(50_000);
        now.set(1_050_000_000L);
        bar.update(60_000);
        now.set(2_000_000_000L);
        bar.finish(200_000);
        String[] draws = text.toString().split("\r", -1);
        assertThat(draws).hasSize(3);
        assertThat(draws[1]).as("redraws are throttled, the second update is skipped")
                .startsWith("[#######.......................] 25%  50,000 / 200,000 events  50,000 events/s  ETA 3s");
        assertThat(draws[2]).startsWith("[##############################] 100%  200,000 / 200,000 events  100,000 events/s  ETA 0s")
                .endsWith(System.lineSeparator());
    }

    @Test
    void elsewhere_plain_lines_come_every_few_seconds() {
        ProgressBar bar = bar(false, 1_000_000);
        now.set(1_000_000_000L);
        bar.update(10_000);
        now.set(5_000_000_000L);
        bar.update(40_000);
        now.set(10_000_000_000L);
        bar.update(100_000);
        String out = text.toString();
        assertThat(out).doesNotContain("\r");
        assertThat(out.lines()).containsExactly("rebuilding: 40,000 / 1,000,000 events (4%), 8,000 events/s, ETA 2m00s",
                "rebuilding: 100,000 / 1,000,000 events (10%), 10,000 events/s, ETA 1m30s");
    }

    @Test
    void durations_read_as_seconds_minutes_or_hours() {
        assertThat(ProgressBar.duration(59)).isEqualTo("59s");
        assertThat(ProgressBar.duration(61)).isEqualTo("1m01s");
        assertThat(ProgressBar.duration(7322)).isEqualTo("2h02m");
    }
}
