package org.semiont.server.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;

/**
 * Auth configuration, validated once: the signing secret, issuer ({@code SITE_DOMAIN}), whether
 * {@code POST /api/tokens/local} (sign-in by e-mail alone) is on: only with {@code ENABLE_LOCAL_AUTH=true}, allowed email domains
 * ({@code OAUTH_ALLOWED_DOMAINS}, empty = any) and the Google userinfo endpoint ({@code GOOGLE_USERINFO_URL}).
 */
public record AuthSettings(String secret, java.util.Optional<String> previousSecret, String issuer, boolean localAuth, List<String> allowedDomains, String googleUserinfoUrl,
                           org.semiont.server.user.EditPolicy editPolicy, int signInsPerMinute) {
    /** The secret before a rotation: tokens it signed are still accepted (never issued) until it is removed. */
    public static final String PREVIOUS_SECRET = "JWT_SECRET_PREVIOUS";
    public static final String GOOGLE_USERINFO = "https://www.googleapis.com/oauth2/v3/userinfo";

    public AuthSettings {
        allowedDomains = List.copyOf(allowedDomains);
    }

    public static AuthSettings from(Environment env, ServerConfig config) {
        String secret = JwtSecrets.resolve(env.get("JWT_SECRET"), config.dataDir(), true).orElseThrow();
        if (env.get("JWT_SECRET").isEmpty() && !config.embeddedDatabase()) {
            org.slf4j.LoggerFactory.getLogger(AuthSettings.class).warn("JWT_SECRET is not set: tokens are signed with the secret "
                    + "generated in {}. Servers sharing one database must share one JWT_SECRET.", JwtSecrets.file(config.dataDir()));
        }
        java.util.Optional<String> previous = env.get(PREVIOUS_SECRET);
        if (previous.isPresent() && previous.get().length() < JwtSecrets.MIN_LENGTH) {
            throw new org.semiont.server.config.ConfigException(PREVIOUS_SECRET + " must be at least " + JwtSecrets.MIN_LENGTH
                    + " characters, got " + previous.get().length() + ".");
        }
        boolean local = env.get("ENABLE_LOCAL_AUTH").map("true"::equalsIgnoreCase).orElse(false);
        if (local) {
            org.slf4j.LoggerFactory.getLogger(AuthSettings.class).warn("ENABLE_LOCAL_AUTH=true: anyone who can reach this "
                    + "server can sign in as any user by e-mail alone (POST /api/tokens/local). Use it only for development.");
        }
        List<String> domains = env.get("OAUTH_ALLOWED_DOMAINS").map(v -> Arrays.stream(v.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        return new AuthSettings(secret, previous.filter(p -> !p.equals(secret)), issuer(env), local, domains,
                env.get("GOOGLE_USERINFO_URL").orElse(GOOGLE_USERINFO),
                org.semiont.server.user.EditPolicy.parse(env.get(org.semiont.server.user.EditPolicy.VARIABLE)),
                env.get(SignInThrottle.VARIABLE).map(v -> signInRate(v)).orElse(SignInThrottle.DEFAULT_PER_MINUTE));
    }

    private static int signInRate(String v) {
        int n = org.semiont.server.config.PoolSettings.parseInt(v, SignInThrottle.VARIABLE);
        if (n < 1 || n > 100_000) {
            throw new org.semiont.server.config.ConfigException(SignInThrottle.VARIABLE + " must be between 1 and 100000 "
                    + "(sign-in attempts per minute per client address), got " + n + ".");
        }
        return n;
    }

    /** The token issuer: {@code SITE_DOMAIN}, default "semiont" (the CLI must agree with the server). */
    public static String issuer(Environment env) {
        return env.get("SITE_DOMAIN").orElse("semiont");
    }

    public boolean domainAllowed(String email) {
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return allowedDomains.isEmpty() || allowedDomains.contains(domain);
    }
}
