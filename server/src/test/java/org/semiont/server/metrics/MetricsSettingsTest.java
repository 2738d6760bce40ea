package org.semiont.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.Environment;

class MetricsSettingsTest {
    @Test
    void withNeitherATokenNorAManagementPortNothingIsCollected() {
        assertThat(MetricsSettings.from(new Environment(Map.of())).enabled()).isFalse();
    }

    @Test
    void aTokenOrAManagementPortEnablesMetrics() {
        assertThat(MetricsSettings.from(new Environment(Map.of("SEMIONT_METRICS_TOKEN", "0123456789abcdef"))).enabled()).isTrue();
        MetricsSettings port = MetricsSettings.from(new Environment(Map.of("SEMIONT_MANAGEMENT_PORT", "9464")));
        assertThat(port.managementPort()).contains(9464);
        assertThat(port.managementHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void aShortTokenIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> MetricsSettings.from(new Environment(Map.of("SEMIONT_METRICS_TOKEN", "short-secret"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least 16").hasMessageNotContaining("short-secret");
    }

    @Test
    void aManagementPortThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> MetricsSettings.from(new Environment(Map.of("SEMIONT_MANAGEMENT_PORT", "metrics"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SEMIONT_MANAGEMENT_PORT");
    }

    @Test
    void openMetricsOnlyWhenAskedForAndNotRefused() {
        assertThat(ScrapeFormat.contentType(null)).isEqualTo(ScrapeFormat.PROMETHEUS);
        assertThat(ScrapeFormat.contentType("*/*")).isEqualTo(ScrapeFormat.PROMETHEUS);
        assertThat(ScrapeFormat.contentType("application/openmetrics-text; version=1.0.0")).isEqualTo(ScrapeFormat.OPENMETRICS);
        assertThat(ScrapeFormat.contentType("application/openmetrics-text;q=0, text/plain")).isEqualTo(ScrapeFormat.PROMETHEUS);
    }
}
