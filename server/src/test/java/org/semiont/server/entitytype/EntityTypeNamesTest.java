package org.semiont.server.entitytype;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTypeNamesTest {
    @Test
    void names_as_people_write_them_pass() {
        for (String ok : new String[] {"Person", "Point of interest", "Ärztin", "人物", "C++", "x".repeat(100)}) {
            assertThat(EntityTypeNames.problem(ok)).as(ok).isEmpty();
        }
    }

    @Test
    void blank_long_padded_and_broken_names_are_refused_with_the_reason() {
        assertThat(EntityTypeNames.problem(null)).get().asString().contains("blank");
        assertThat(EntityTypeNames.problem("   ")).get().asString().contains("blank");
        assertThat(EntityTypeNames.problem("x".repeat(101))).get().asString().contains("at most 100");
        assertThat(EntityTypeNames.problem("Person ")).get().asString().contains("spaces");
        assertThat(EntityTypeNames.problem("\u00a0Person")).get().asString().contains("spaces");
        assertThat(EntityTypeNames.problem("Per\nson")).get().asString().contains("line breaks");
        assertThat(EntityTypeNames.problem("Per\u2028son")).get().asString().contains("line breaks");
        assertThat(EntityTypeNames.problem("Per\u0000son")).get().asString().contains("control");
    }
}
