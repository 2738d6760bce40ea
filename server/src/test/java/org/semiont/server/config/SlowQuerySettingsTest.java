package org.semiont.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlowQuerySettingsTest {
    private static Optional<Duration> resolve(Map<String, String> vars) {
        return SlowQuerySettings.resolve(new Environment(vars));
    }

    @Test
    void statements_of_a_second_or_more_are_logged_by_default() {
        assertThat(resolve(Map.of())).contains(Duration.ofSeconds(1));
        assertThat(SlowQuerySettings.postgresSetting(resolve(Map.of()))).isEqualTo("1000");
    }

    @Test
    void a_duration_sets_the_threshold_and_off_disables_it() {
        assertThat(SlowQuerySettings.postgresSetting(resolve(Map.of("SEMIONT_DB_SLOW_QUERY", "250ms")))).isEqualTo("250");
        assertThat(SlowQuerySettings.postgresSetting(resolve(Map.of("SEMIONT_DB_SLOW_QUERY", "OFF")))).isEqualTo("-1");
    }

    @Test
    void a_bad_value_names_the_setting() {
        assertThatThrownBy(() -> resolve(Map.of("SEMIONT_DB_SLOW_QUERY", "slow"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("SEMIONT_DB_SLOW_QUERY");
    }

    @Test
    void the_embedded_database_carries_the_threshold() {
        assertThat(DatabaseSettings.resolve(new Environment(Map.of("SEMIONT_DB_SLOW_QUERY", "2s")), Optional.empty()))
                .isEqualTo(new DatabaseSource.Embedded(Optional.of(Duration.ofSeconds(2))));
    }
}
