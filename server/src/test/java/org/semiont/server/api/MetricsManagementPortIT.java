package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.semiont.server.testing.PromText;

/** With a management port and no token, metrics are there and only there. */
class MetricsManagementPortIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(Map.of("SEMIONT_MANAGEMENT_PORT", "0"));

    @Test
    void metricsAreServedOnTheManagementPortOnly() {
        int port = SERVER.server().app().managementPort().orElseThrow();
        assertThat(port).isNotEqualTo(SERVER.server().app().port());
        ApiClient.Response r = new ApiClient("http://127.0.0.1:" + port, null).get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(PromText.parse(r.body()).value("pg_up")).isEqualTo(1);
        assertThat(SERVER.server().anonymous().get("/metrics").status()).isEqualTo(404);
    }
}
