package org.semiont.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.semiont.server.config.ConfigException;

class CorsOriginsTest {
    @Test
    void unset_or_blank_means_no_cross_origin_access() {
        assertThat(CorsOrigins.parse(Optional.empty()).enabled()).isFalse();
        assertThat(CorsOrigins.parse(Optional.of(" , ")).enabled()).isFalse();
    }

    @Test
    void origins_are_listed_with_commas_and_compared_in_their_canonical_form() {
        assertThat(CorsOrigins.parse(Optional.of("http://localhost:3000, HTTPS://KB.Example.org/")).origins())
                .containsExactly("http://localhost:3000", "https://kb.example.org");
    }

    @Test
    void a_wildcard_a_path_or_another_scheme_is_a_configuration_error_naming_the_value() {
        for (String bad : new String[] {"*", "http://localhost:3000/app", "ftp://files.example.org", "localhost:3000",
                "http://user@host.example", "http://host.example?x=1", "not a url"}) {
            assertThatThrownBy(() -> CorsOrigins.parse(Optional.of("http://ok.example, " + bad)))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("CORS_ORIGIN");
        }
    }
}
