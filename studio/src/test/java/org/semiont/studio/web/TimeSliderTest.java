package org.semiont.studio.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeSliderTest {
    @Test
    void json_compares_by_value_and_timestamps_by_time() {
        assertThat(TimeSlider.same("{\"a\":1,\"b\":[2]}", "{\"b\": [2], \"a\": 1}", true)).isTrue();
        assertThat(TimeSlider.same("[{\"value\":\"old\"}]", "[{\"value\": \"new\"}]", true)).isFalse();
        assertThat(TimeSlider.same("2026-12-06 20:30:21.1", "2026-12-06 20:30:21.100", false)).isTrue();
        assertThat(TimeSlider.same("2026-12-06 20:30:21.1", "2026-12-06 20:30:21.2", false)).isFalse();
        assertThat(TimeSlider.same(null, null, false)).isTrue();
        assertThat(TimeSlider.same("x", null, false)).isFalse();
        assertThat(TimeSlider.same("{a,b}", "{a,b}", false)).isTrue();
        assertThat(TimeSlider.same("{Person}", "{\"Person\"}", false)).as("the driver's binary form quotes").isTrue();
        assertThat(TimeSlider.same("{Person}", "{\"Person\",\"Place\"}", false)).isFalse();
        assertThat(TimeSlider.same("{}", "{}", false)).isTrue();
        assertThat(TimeSlider.same("t", "true", false)).isTrue();
        assertThat(TimeSlider.same("f", "t", false)).isFalse();
    }
}
