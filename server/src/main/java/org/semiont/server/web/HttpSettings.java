package org.semiont.server.web;

import java.time.Duration;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.Durations;
import org.semiont.server.config.Environment;
import org.semiont.server.config.PoolSettings;

/**
 * What the HTTP server lets clients do, validated at start: the browser origins it serves (CORS), the host names it
 * answers to, how many connections it holds in all and per client address, and how long a request head may take.
 */
public record HttpSettings(CorsOrigins cors, AllowedHosts hosts, int maxConnections, int maxConnectionsPerAddress,
                           Duration requestHeadTimeout) {
    public static final String PER_ADDRESS = "SEMIONT_MAX_CONNECTIONS_PER_ADDRESS";
    public static final String HEAD_TIMEOUT = "SEMIONT_REQUEST_HEAD_TIMEOUT";
    /** Browsers open at most six connections per host; 256 leaves room for tools and a handful of users behind one NAT. */
    static final int DEFAULT_PER_ADDRESS = 256;
    static final Duration DEFAULT_HEAD_TIMEOUT = Duration.ofSeconds(10);

    public HttpSettings {
        if (maxConnectionsPerAddress < 1) {
            throw new ConfigException(PER_ADDRESS + " must be at least 1, got " + maxConnectionsPerAddress + ".");
        }
        if (requestHeadTimeout.isZero() || requestHeadTimeout.isNegative()) {
            throw new ConfigException(HEAD_TIMEOUT + " must be positive, got " + requestHeadTimeout + ".");
        }
    }

    /** Settings for a server in tests of other concerns: any host, no per-address cap below the total. */
    public static HttpSettings permissive(int maxConnections) {
        return new HttpSettings(CorsOrigins.none(), AllowedHosts.any(), maxConnections, maxConnections, DEFAULT_HEAD_TIMEOUT);
    }

    public static HttpSettings from(Environment env, String baseUrl, int maxConnections) {
        int perAddress = env.get(PER_ADDRESS).map(v -> PoolSettings.parseInt(v, PER_ADDRESS))
                .orElse(Math.min(DEFAULT_PER_ADDRESS, maxConnections));
        Duration head = env.get(HEAD_TIMEOUT).map(v -> Durations.parse(v, HEAD_TIMEOUT)).orElse(DEFAULT_HEAD_TIMEOUT);
        return new HttpSettings(CorsOrigins.parse(env.get(CorsOrigins.VARIABLE)),
                AllowedHosts.parse(env.get(AllowedHosts.VARIABLE), baseUrl), maxConnections, perAddress, head);
    }
}
