package org.semiont.ops.target;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;

/**
 * How to reach S3: the SDK's own region and credential chains, or an S3-compatible server named by
 * {@code SEMIONT_S3_ENDPOINT} (then addressed path-style, {@code http://host/bucket/key}, which such servers expect).
 *
 * @param endpoint  an endpoint to use instead of AWS's, or empty
 * @param region    the region to sign for, or empty for the SDK's chain ({@code AWS_REGION}, profile…)
 * @param pathStyle address buckets in the path rather than the host name
 */
public record S3Settings(Optional<URI> endpoint, Optional<String> region, boolean pathStyle) {
    public static final String ENDPOINT = "SEMIONT_S3_ENDPOINT";
    public static final String REGION = "SEMIONT_S3_REGION";
    public static final String PATH_STYLE = "SEMIONT_S3_PATH_STYLE";

    public S3Settings {
        endpoint = endpoint == null ? Optional.empty() : endpoint;
        region = region == null ? Optional.empty() : region;
    }

    /** Reads the settings from environment variables (blank counts as unset). */
    public static S3Settings from(Function<String, Optional<String>> env) {
        Optional<URI> endpoint = env.apply(ENDPOINT).map(S3Settings::endpoint);
        boolean pathStyle = env.apply(PATH_STYLE).map(v -> flag(v)).orElse(endpoint.isPresent());
        return new S3Settings(endpoint, env.apply(REGION), pathStyle);
    }

    private static URI endpoint(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new OpsException(OpsError.TARGET_INVALID, ENDPOINT + " must be an http:// or https:// URL, got '" + value + "'");
        }
        return uri;
    }

    private static boolean flag(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on")) {
            return true;
        }
        if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("off")) {
            return false;
        }
        throw new OpsException(OpsError.TARGET_INVALID, PATH_STYLE + " must be true or false, got '" + v + "'");
    }
}
