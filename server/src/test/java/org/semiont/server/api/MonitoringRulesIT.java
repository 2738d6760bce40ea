package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.semiont.server.testing.PromText;

/** The shipped alert rules pass {@code promtool check rules}, and every series they use is in a real scrape. */
class MonitoringRulesIT {
    static final Path RULES = Path.of("..", "monitoring", "semiont-alerts.yml");
    static final Path DASHBOARD = Path.of("..", "monitoring", "semiont-dashboard.json");
    static final String TOKEN = "metrics-token-0123456789abcdef";
    /** Our series and the libraries' carry these prefixes; everything else in an expression is PromQL or a label. */
    static final Pattern SERIES = Pattern.compile("\\b((?:semiont|pg|hikaricp|http|process|jvm|system)_[a-zA-Z0-9_]+)\\b(?!\\s*(?:=|!=|=~))");
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(Map.of("SEMIONT_METRICS_TOKEN", TOKEN));

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Process p = new ProcessBuilder("promtool", "check", "rules", RULES.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void everySeriesTheRulesAndTheDashboardUseIsInAScrape() throws Exception {
        ApiServer.createDocument(SERVER.alice(), "doc", "content");
        PromText scrape = PromText.parse(SERVER.server().anonymous().as(TOKEN).get("/metrics").body());
        Set<String> used = new TreeSet<>();
        for (Path file : new Path[] {RULES, DASHBOARD}) {
            Matcher m = SERIES.matcher(Files.readString(file));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(used).hasSizeGreaterThan(15).contains("semiont_backup_last_success_timestamp_seconds");
        assertThat(scrape.names()).containsAll(used);
    }
}
