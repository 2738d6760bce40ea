package org.semiont.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepresentationTest {
    @Test
    void no_accept_or_any_type_gives_json_ld() {
        assertThat(Representation.choose(null)).isEqualTo(Representation.JSON_LD);
        assertThat(Representation.choose("*/*")).isEqualTo(Representation.JSON_LD);
        assertThat(Representation.choose("application/json")).isEqualTo(Representation.JSON_LD);
    }

    @Test
    void turtle_is_chosen_when_asked_for_or_preferred_by_q_value() {
        assertThat(Representation.choose("text/turtle")).isEqualTo(Representation.TURTLE);
        assertThat(Representation.choose("application/ld+json;q=0.5, text/turtle;q=0.9")).isEqualTo(Representation.TURTLE);
        assertThat(Representation.choose("text/*, application/json;q=0.2")).isEqualTo(Representation.TURTLE);
        assertThat(Representation.choose("text/turtle, */*;q=0.1")).isEqualTo(Representation.TURTLE);
    }

    @Test
    void json_ld_wins_ties_and_higher_q_values() {
        assertThat(Representation.choose("text/turtle, application/ld+json")).isEqualTo(Representation.JSON_LD);
        assertThat(Representation.choose("application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\", text/turtle;q=0.5"))
                .isEqualTo(Representation.JSON_LD);
        assertThat(Representation.choose("text/turtle;q=0.3, application/json;q=0.35")).isEqualTo(Representation.JSON_LD);
    }

    @Test
    void the_most_specific_range_decides_so_an_explicit_q_zero_excludes_a_type() {
        assertThat(Representation.choose("text/turtle;q=0, */*")).isEqualTo(Representation.JSON_LD);
        assertThat(Representation.choose("application/ld+json;q=0, application/json;q=0, */*")).isEqualTo(Representation.TURTLE);
        assertThat(Representation.choose("application/ld+json;q=0, text/turtle;q=0")).isNull();
    }

    @Test
    void unrelated_types_and_malformed_q_values_are_not_acceptable() {
        assertThat(Representation.choose("text/html")).isNull();
        assertThat(Representation.choose("image/png, text/plain")).isNull();
        assertThat(Representation.choose("text/turtle;q=high")).isNull();
        assertThat(Representation.choose("text/turtle;q=2")).isNull();
    }
}
