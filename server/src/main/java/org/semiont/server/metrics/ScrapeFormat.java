package org.semiont.server.metrics;

import java.util.Locale;

/** Picks the exposition format from {@code Accept}: OpenMetrics when asked for, else Prometheus text 0.0.4. */
final class ScrapeFormat {
    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private ScrapeFormat() {
    }

    static String contentType(String accept) {
        if (accept == null) {
            return PROMETHEUS;
        }
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = range.split(";");
            if (parts[0].trim().equals("application/openmetrics-text") && !refused(parts)) {
                return OPENMETRICS;
            }
        }
        return PROMETHEUS;
    }

    private static boolean refused(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String p = params[i].trim().replace(" ", "");
            if (p.equals("q=0") || p.matches("q=0\\.0*")) {
                return true;
            }
        }
        return false;
    }
}
