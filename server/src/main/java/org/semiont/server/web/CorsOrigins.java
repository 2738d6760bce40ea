package org.semiont.server.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.semiont.server.config.ConfigException;

/**
 * The browser origins allowed to call the API from other pages ({@code CORS_ORIGIN}, comma-separated, as the
 * original Semiont reads it): each an exact {@code scheme://host[:port]}. Unset means no cross-origin access. Requests
 * may carry credentials, so a wildcard is refused: browsers reject {@code *} with credentials.
 */
public record CorsOrigins(List<String> origins) {
    public static final String VARIABLE = "CORS_ORIGIN";
    /** Response headers a browser page may read: the protocol's and the auth challenge. */
    static final List<String> EXPOSED = List.of("ETag", "Location", "Content-Location", "Link", "Allow", "Vary",
            "Preference-Applied", "WWW-Authenticate", "Accept-Post");

    public static CorsOrigins none() {
        return new CorsOrigins(List.of());
    }

    public static CorsOrigins parse(Optional<String> value) {
        List<String> out = new ArrayList<>();
        for (String raw : value.orElse("").split(",")) {
            String origin = raw.trim();
            if (!origin.isEmpty()) {
                out.add(normalize(origin));
            }
        }
        return new CorsOrigins(List.copyOf(out));
    }

    private static String normalize(String origin) {
        if (origin.equals("*")) {
            throw new ConfigException(VARIABLE + "=* is not supported: requests may carry credentials, which browsers "
                    + "refuse with a wildcard origin. List the origins, e.g. " + VARIABLE + "=http://localhost:3000");
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            throw invalid(origin, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(origin, "the scheme must be http or https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw invalid(origin, "it needs a host (and no user info)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(origin, "an origin has no path, query or fragment");
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static ConfigException invalid(String origin, String why) {
        return new ConfigException(VARIABLE + " holds \"" + Texts.abbreviate(origin, 80) + "\", which is not an origin (" + why
                + "); use scheme://host[:port], e.g. http://localhost:3000");
    }

    public boolean enabled() {
        return !origins.isEmpty();
    }
}
