package org.semiont.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything {@code semiont start} needs, validated once. Flags override environment variables,
 * which override defaults.
 */
public record ServerConfig(String host, int port, String baseUrl, Path dataDir, DatabaseSource database,
                           PoolSettings pool, String environment, ConnectionLimits limits, Duration sseKeepAlive,
                           SchemaSettings schema) {
    /** Under the 60 s idle timeout of common proxies and load balancers, so they keep an idle stream open. */
    public static final Duration DEFAULT_SSE_KEEPALIVE = Duration.ofSeconds(30);
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4000;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new ConfigException("Port must be between 0 and 65535, got " + port + ".");
        }
        if (sseKeepAlive.isNegative() || sseKeepAlive.isZero()) {
            throw new ConfigException("SEMIONT_SSE_KEEPALIVE must be positive, got " + sseKeepAlive + ".");
        }
        if (baseUrl == null) {
            baseUrl = derivedBaseUrl(host, port);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        checkBaseUrl(baseUrl);
    }

    /**
     * Every annotation IRI is this URL + {@code /annotations/<id>}, minted into the log for good, so anything that
     * would not survive that concatenation as the same kind of IRI (a query, a fragment, credentials) is refused.
     */
    private static void checkBaseUrl(String baseUrl) {
        String problem;
        try {
            URI uri = new URI(baseUrl);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                problem = "must start with http:// or https://";
            } else if (uri.getHost() == null) {
                problem = "has no host";
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problem = "must not have a query (?…) or a fragment (#…): annotation IRIs are appended to it";
            } else if (uri.getRawUserInfo() != null) {
                problem = "must not carry credentials: it is published in every annotation IRI";
            } else {
                return;
            }
        } catch (URISyntaxException e) {
            problem = "is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")";
        }
        throw new ConfigException("SEMIONT_BASE_URL / --base-url " + problem + ", got \"" + Redaction.redact(baseUrl) + "\".");
    }

    private static String derivedBaseUrl(String host, int port) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The same configuration on another port; a base URL derived from the port follows it, a configured one stays. */
    public ServerConfig withPort(int newPort) {
        String configured = baseUrl.equals(derivedBaseUrl(host, port)) ? null : baseUrl;
        return new ServerConfig(host, newPort, configured, dataDir, database, pool, environment, limits, sseKeepAlive, schema);
    }

    /** Flag values (null when not given) layered over the environment. */
    public record Overrides(String host, Integer port, String baseUrl, Path dataDir, String databaseUrl, Path schemaFile) {
        public Overrides(String host, Integer port, String baseUrl, Path dataDir, String databaseUrl) {
            this(host, port, baseUrl, dataDir, databaseUrl, null);
        }
    }

    public static ServerConfig from(Environment env, Overrides flags) {
        String host = flags.host() != null ? flags.host() : env.get("SEMIONT_HOST").orElse(DEFAULT_HOST);
        int port = flags.port() != null ? flags.port()
                : env.get("SEMIONT_PORT").map(v -> PoolSettings.parseInt(v, "SEMIONT_PORT")).orElse(DEFAULT_PORT);
        String baseUrl = flags.baseUrl() != null ? flags.baseUrl() : env.get("SEMIONT_BASE_URL").orElse(null);
        Path dataDir = flags.dataDir() != null ? flags.dataDir().toAbsolutePath().normalize() : env.dataDir();
        String environment = env.get("SEMIONT_ENV").or(() -> env.get("NODE_ENV")).orElse("development");
        return new ServerConfig(host, port, baseUrl, dataDir,
                DatabaseSettings.resolve(env, Optional.ofNullable(flags.databaseUrl())), PoolSettings.from(env), environment,
                ConnectionLimits.from(env, ConnectionLimits.processDescriptorLimit()),
                env.get("SEMIONT_SSE_KEEPALIVE").map(v -> Durations.parse(v, "SEMIONT_SSE_KEEPALIVE")).orElse(DEFAULT_SSE_KEEPALIVE),
                SchemaSettings.from(env, flags.schemaFile()));
    }

    public boolean embeddedDatabase() {
        return database instanceof DatabaseSource.Embedded;
    }
}
