package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.semiont.server.testing.PromText;

/** {@code GET /metrics} on the API port: behind its own token, and after traffic every family has a plausible value. */
class MetricsIT {
    static final String TOKEN = "metrics-token-0123456789abcdef";
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(Map.of("SEMIONT_METRICS_TOKEN", TOKEN));

    private static ApiClient scraper() {
        return SERVER.server().anonymous().as(TOKEN);
    }

    @Test
    void metricsAreRefusedWithoutTheMetricsToken() {
        assertThat(SERVER.server().anonymous().get("/metrics").status()).isEqualTo(401);
        assertThat(SERVER.server().anonymous().as("not-the-metrics-token-at-all").get("/metrics").status()).isEqualTo(401);
        ApiClient.Response withUserToken = SERVER.alice().get("/metrics");
        assertThat(withUserToken.status()).isEqualTo(401);
        assertThat(withUserToken.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aScrapeAfterTrafficHoldsEveryFamilyWithPlausibleValues() throws Exception {
        ApiClient alice = SERVER.alice();
        for (int i = 0; i < 3; i++) {
            ApiServer.createDocument(alice, "doc " + i, "content " + i);
        }
        assertThat(alice.get("/api/documents/no-such-document").status()).isEqualTo(404);
        ApiClient.Response r = scraper().get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        PromText m = PromText.parse(r.body());

        // HTTP: by route template, never by raw path
        assertThat(m.value("http_server_requests_seconds_count", "method", "POST", "uri", "/api/documents", "status", "201"))
                .isEqualTo(3);
        assertThat(m.value("http_server_requests_seconds_bucket", "uri", "/api/documents", "method", "POST", "le", "+Inf"))
                .isEqualTo(3);
        assertThat(m.value("http_server_requests_seconds_count", "method", "GET", "uri", "/api/documents/{id}", "status", "404"))
                .isEqualTo(1);
        assertThat(m.samples("http_server_requests_seconds_count")).noneMatch(s -> s.labels().get("uri").contains("no-such"));
        assertThat(m.value("http_server_requests_active")).isGreaterThanOrEqualTo(1); // this scrape
        assertThat(m.value("semiont_sse_clients")).isZero();
        // JVM and process
        assertThat(m.sum("jvm_memory_used_bytes")).isPositive();
        assertThat(m.value("jvm_threads_live_threads")).isPositive();
        assertThat(m.value("process_cpu_usage")).isBetween(0.0, 1.0);
        assertThat(m.value("process_files_open_files")).isPositive();
        assertThat(m.type("jvm_gc_pause_seconds").orElse("histogram")).isIn("histogram", "summary");
        // pools
        assertThat(m.value("hikaricp_connections_max", "pool", "semiont-app")).isEqualTo(8);
        assertThat(m.value("hikaricp_connections_idle", "pool", "semiont-app")
                + m.value("hikaricp_connections_active", "pool", "semiont-app")).isPositive();
        assertThat(m.value("hikaricp_connections_pending", "pool", "semiont-app")).isZero();
        assertThat(m.value("hikaricp_connections_timeout_total", "pool", "semiont-app")).isZero();
        assertThat(m.value("hikaricp_connections_acquire_seconds_count", "pool", "semiont-app")).isPositive();
        // event log
        double position = m.value("semiont_events_last_position");
        assertThat(position).isGreaterThanOrEqualTo(4); // alice, three documents
        assertThat(m.value("semiont_events_appended_total")).isGreaterThanOrEqualTo(4);
        assertThat(m.value("semiont_events_appended_bytes_total")).isGreaterThan(4 * 100);
        assertThat(m.value("semiont_events_fsync_seconds_count")).isPositive();
        assertThat(m.value("semiont_events_fsync_seconds_bucket", "le", "+Inf")).isPositive();
        assertThat(m.value("semiont_events_commit_batch_size_events_count")).isPositive();
        assertThat(m.value("semiont_events_streams")).isPositive(); // counted at most once a minute
        assertThat(m.value("semiont_events_disk_free_bytes")).isPositive()
                .isLessThanOrEqualTo(m.value("semiont_events_disk_total_bytes"));
        // projector
        assertThat(m.value("semiont_projection_applied_position")).isEqualTo(position);
        assertThat(m.value("semiont_projection_lag_events")).isZero();
        assertThat(m.value("semiont_projection_lag_seconds")).isZero();
        assertThat(m.value("semiont_projection_batch_seconds_count")).isPositive();
        assertThat(m.value("semiont_projection_retries_total")).isZero();
        assertThat(m.value("semiont_projection_blocked")).isZero();
        // PostgreSQL
        assertThat(m.value("pg_up")).isEqualTo(1);
        assertThat(m.value("pg_settings_max_connections")).isPositive();
        assertThat(m.sum("pg_stat_activity_count")).isPositive().isLessThan(m.value("pg_settings_max_connections"));
        assertThat(m.value("pg_stat_activity_count", "state", "active")).isGreaterThanOrEqualTo(1); // the metrics query
        assertThat(m.value("pg_database_size_bytes")).isGreaterThan(1_000_000);
        assertThat(m.value("pg_stat_database_xact_commit_total")).isPositive();
        assertThat(m.value("pg_stat_database_tup_inserted_total")).isPositive();
        assertThat(m.value("pg_stat_database_cache_hit_ratio")).isBetween(0.5, 1.0);
        assertThat(m.value("pg_stat_database_deadlocks_total")).isZero();
        assertThat(m.value("pg_stat_database_temp_bytes_total")).isGreaterThanOrEqualTo(0);
        assertThat(m.value("pg_stat_activity_max_tx_duration_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(m.value("pg_stat_activity_max_query_duration_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(m.value("pg_locks_waiting")).isZero();
        // backups: the series exist, without a value until the backup feature reports
        assertThat(m.value("semiont_backup_last_success_timestamp_seconds")).isNaN();
    }

    @Test
    void openMetricsIsAnsweredWhenAskedFor() {
        ApiClient.Response r = scraper().get("/metrics", "Accept",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type").orElseThrow()).startsWith("application/openmetrics-text");
        assertThat(r.body()).endsWith("# EOF\n").contains("# TYPE semiont_events_appended counter");
    }
}
