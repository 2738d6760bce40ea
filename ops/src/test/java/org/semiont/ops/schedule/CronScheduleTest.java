package org.semiont.ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static Instant next(String cron, String after) {
        return CronSchedule.parse(cron).next(Instant.parse(after)).orElseThrow();
    }

    @Test
    void the_default_runs_at_three_in_the_morning_utc_the_same_day_or_the_next() {
        assertThat(next("0 3 * * *", "2026-12-06T01:59:30Z")).isEqualTo("2026-12-06T03:00:00Z");
        assertThat(next("0 3 * * *", "2026-12-06T03:00:00Z")).isEqualTo("2026-12-07T03:00:00Z");
        assertThat(next("0 3 * * *", "2026-12-31T04:00:00Z")).isEqualTo("2027-01-01T03:00:00Z");
    }

    @Test
    void steps_ranges_and_lists_name_every_value_they_cover() {
        assertThat(next("*/15 * * * *", "2026-12-06T10:07:00Z")).isEqualTo("2026-12-06T10:15:00Z");
        assertThat(next("30 8-10/2 * * *", "2026-12-06T08:30:00Z")).isEqualTo("2026-12-06T10:30:00Z");
        assertThat(next("0 0 1,15 * *", "2026-12-02T00:00:00Z")).isEqualTo("2026-12-15T00:00:00Z");
        assertThat(next("0 0 29 2 *", "2026-03-01T00:00:00Z")).isEqualTo("2028-02-29T00:00:00Z");
    }

    @Test
    void a_day_of_week_counts_seven_as_sunday_and_either_day_field_matches_when_both_are_given() {
        // 2026-12-06 is a Sunday
        assertThat(next("0 12 * * 7", "2026-12-01T00:00:00Z")).isEqualTo("2026-12-06T12:00:00Z");
        assertThat(next("0 12 * * 1-5", "2026-12-05T13:00:00Z")).isEqualTo("2026-12-07T12:00:00Z");
        assertThat(next("0 0 10 * 0", "2026-12-01T00:00:00Z")).isEqualTo("2026-12-06T00:00:00Z");
    }

    @Test
    void a_bad_expression_is_refused_naming_the_field() {
        assertThatThrownBy(() -> CronSchedule.parse("0 3 * *")).hasMessageContaining("five fields");
        assertThatThrownBy(() -> CronSchedule.parse("0 24 * * *")).hasMessageContaining("hour").hasMessageContaining("24");
        assertThatThrownBy(() -> CronSchedule.parse("x 3 * * *")).hasMessageContaining("minute");
        assertThatThrownBy(() -> CronSchedule.parse("0 5-3 * * *")).hasMessageContaining("backwards");
    }

    @Test
    void off_turns_the_schedule_off_and_unset_means_three_in_the_morning() {
        assertThat(ScheduleSetting.parse(java.util.Optional.of("off"))).isEmpty();
        assertThat(ScheduleSetting.parse(java.util.Optional.empty()).orElseThrow()).hasToString("0 3 * * *");
    }
}
