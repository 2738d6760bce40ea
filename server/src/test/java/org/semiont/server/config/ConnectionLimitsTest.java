package org.semiont.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {
    @Test
    void the_default_leaves_the_reserve_of_the_descriptor_limit_to_files_within_bounds() {
        assertThat(ConnectionLimits.from(new Environment(Map.of()), 1024).maxConnections()).isEqualTo(512);
        assertThat(ConnectionLimits.from(new Environment(Map.of()), 1_048_576).maxConnections()).isEqualTo(10_000);
        assertThat(ConnectionLimits.from(new Environment(Map.of()), 300).maxConnections()).isEqualTo(16);
        assertThat(ConnectionLimits.from(new Environment(Map.of()), -1).maxConnections()).as("limit unknown").isEqualTo(10_000);
    }

    @Test
    void streams_get_half_the_connections_and_one_user_at_most_32_of_them() {
        ConnectionLimits small = ConnectionLimits.from(new Environment(Map.of("SEMIONT_MAX_CONNECTIONS", "10")), 1024);
        assertThat(small.maxEventStreams()).isEqualTo(5);
        assertThat(small.maxEventStreamsPerUser()).isEqualTo(5);
        ConnectionLimits big = ConnectionLimits.from(new Environment(Map.of("SEMIONT_MAX_CONNECTIONS", "4000")), 1024);
        assertThat(big.maxEventStreams()).isEqualTo(2000);
        assertThat(big.maxEventStreamsPerUser()).isEqualTo(32);
        assertThat(big.fits(1024)).isFalse();
        assertThat(big.fits(8192)).isTrue();
    }

    @Test
    void a_value_that_is_not_a_count_of_at_least_two_is_refused() {
        for (String bad : new String[] {"1", "0", "-5", "many"}) {
            assertThatThrownBy(() -> ConnectionLimits.from(new Environment(Map.of("SEMIONT_MAX_CONNECTIONS", bad)), 1024))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("SEMIONT_MAX_CONNECTIONS");
        }
    }
}
