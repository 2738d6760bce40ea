package org.semiont.server.metrics;

import java.util.Optional;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.Environment;

/**
 * Where {@code GET /metrics} is served, if anywhere: on the API port behind a bearer token, and/or on a management port
 * of its own (loopback unless told otherwise). Neither configured: no metrics are collected at all. Never open on the
 * API port without a token.
 */
public record MetricsSettings(Optional<String> token, Optional<Integer> managementPort, String managementHost) {
    public static final String TOKEN = "SEMIONT_METRICS_TOKEN";
    public static final String PORT = "SEMIONT_MANAGEMENT_PORT";
    public static final String HOST = "SEMIONT_MANAGEMENT_HOST";
    static final int MIN_TOKEN_LENGTH = 16;

    public MetricsSettings {
        if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
            throw new ConfigException(TOKEN + " must be at least " + MIN_TOKEN_LENGTH + " characters long (got "
                    + token.get().length() + "); generate one with 'openssl rand -hex 32'.");
        }
        if (managementPort.isPresent() && (managementPort.get() < 0 || managementPort.get() > 65535)) {
            throw new ConfigException(PORT + " must be between 0 and 65535, got " + managementPort.get() + ".");
        }
    }

    public static MetricsSettings from(Environment env) {
        Optional<Integer> port = env.get(PORT).filter(v -> !v.isBlank()).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(PORT + " must be a port number, got \"" + v + "\".");
            }
        });
        return new MetricsSettings(env.get(TOKEN).filter(v -> !v.isBlank()).map(String::trim), port,
                env.get(HOST).filter(v -> !v.isBlank()).orElse("127.0.0.1"));
    }

    public static MetricsSettings off() {
        return new MetricsSettings(Optional.empty(), Optional.empty(), "127.0.0.1");
    }

    /** Metrics are collected only when someone can read them. */
    public boolean enabled() {
        return token.isPresent() || managementPort.isPresent();
    }
}
