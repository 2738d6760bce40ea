package org.semiont.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.semiont.server.config.ConfigException;

class AllowedHostsTest {
    @Test
    void by_default_the_base_urls_host_and_the_loopback_names_are_served_whatever_the_port() {
        AllowedHosts hosts = AllowedHosts.parse(Optional.empty(), "https://KB.example.org");
        assertThat(hosts.allows("kb.example.org")).isTrue();
        assertThat(hosts.allows("kb.example.org.:443")).isTrue();
        assertThat(hosts.allows("localhost:4000")).isTrue();
        assertThat(hosts.allows("127.0.0.1:4000")).isTrue();
        assertThat(hosts.allows("[::1]:4000")).isTrue();
        assertThat(hosts.allows("rebound.attacker.example:4000")).isFalse();
        assertThat(hosts.allows("kb.example.org.attacker.example")).isFalse();
    }

    @Test
    void a_configured_list_replaces_the_default_and_star_serves_every_name() {
        AllowedHosts hosts = AllowedHosts.parse(Optional.of(" kb.internal , ::1 "), "http://127.0.0.1:4000");
        assertThat(hosts.allows("kb.internal:4000")).isTrue();
        assertThat(hosts.allows("[::1]:4000")).isTrue();
        assertThat(hosts.allows("127.0.0.1:4000")).isFalse();
        assertThat(AllowedHosts.parse(Optional.of("*"), "http://127.0.0.1:4000").allows("anything.example")).isTrue();
    }

    @Test
    void a_value_that_is_not_a_host_name_stops_the_start_naming_the_setting() {
        for (String bad : new String[] {"http://kb.example.org", "kb.example.org:4000", "kb.example.org/path"}) {
            assertThatThrownBy(() -> AllowedHosts.parse(Optional.of(bad), "http://127.0.0.1:4000"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(AllowedHosts.VARIABLE);
        }
    }
}
