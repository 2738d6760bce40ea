package org.semiont.cli.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.Environment;

class StudioSwitchTest {
    @Test
    void the_studio_is_off_unless_asked_for() {
        assertThat(StudioSwitch.extensions(new Environment(Map.of()))).isEmpty();
        assertThat(StudioSwitch.extensions(new Environment(Map.of("SEMIONT_STUDIO", "off")))).isEmpty();
    }

    @Test
    void on_and_read_only_add_the_studio() {
        assertThat(StudioSwitch.extensions(new Environment(Map.of("SEMIONT_STUDIO", "on")))).hasSize(1);
        assertThat(StudioSwitch.extensions(new Environment(Map.of("SEMIONT_STUDIO", "read-only")))).hasSize(1);
    }

    @Test
    void any_other_value_stops_the_start_naming_the_setting() {
        assertThatThrownBy(() -> StudioSwitch.extensions(new Environment(Map.of("SEMIONT_STUDIO", "yes"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SEMIONT_STUDIO must be on, read-only or off");
    }
}
