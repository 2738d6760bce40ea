package org.semiont.server.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdFilterTest {
    @Test
    void every_added_id_may_be_contained_and_most_others_are_not() {
        IdFilter f = new IdFilter(100_000);
        for (int i = 0; i < 10_000; i++) {
            f.add("a" + i);
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(f.mightContain("a" + i)).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 10_000; i++) {
            falsePositives += f.mightContain("b" + i) ? 1 : 0;
        }
        assertThat(falsePositives).isLessThan(300);
    }
}
