package org.semiont.server.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.semiont.server.config.ConfigException;

/**
 * The host names the server answers to ({@code SEMIONT_ALLOWED_HOSTS}, comma-separated; default: the base URL's host
 * and the loopback names). A page whose name an attacker re-points to this machine (DNS rebinding) is same-origin
 * with the server in the victim's browser, but its requests still name the attacker's host: those get 421. Ports are
 * not compared: the rebinding page uses the server's port anyway.
 */
public record AllowedHosts(Set<String> names) {
    public static final String VARIABLE = "SEMIONT_ALLOWED_HOSTS";
    static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    public AllowedHosts {
        names = Set.copyOf(names);
    }

    /** Every host name: for servers whose clients cannot be browsers (tests of other concerns). */
    public static AllowedHosts any() {
        return new AllowedHosts(Set.of("*"));
    }

    public static AllowedHosts parse(Optional<String> value, String baseUrl) {
        Set<String> out = new LinkedHashSet<>();
        if (value.isPresent() && !value.get().isBlank()) {
            for (String raw : value.get().split(",")) {
                String name = raw.trim();
                if (!name.isEmpty()) {
                    out.add(normalize(name));
                }
            }
        } else {
            out.addAll(LOOPBACK);
            out.add(normalize(URI.create(baseUrl).getHost()));
        }
        return new AllowedHosts(out);
    }

    private static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("*")) {
            return n;
        }
        if (n.indexOf(':') != n.lastIndexOf(':') && !n.startsWith("[")) { // a bare IPv6 address
            n = "[" + n + "]";
        }
        if (n.contains("/") || n.contains("@") || n.contains(" ") || n.matches(".*\\]:\\d+$|^[^\\[]*:\\d+$")) {
            throw new ConfigException(VARIABLE + " holds \"" + Texts.abbreviate(name, 80) + "\", which is not a host name: "
                    + "list names without scheme, port or path, e.g. " + VARIABLE + "=kb.example.org,localhost");
        }
        return n;
    }

    /** Whether a request whose Host header is {@code host} (null when it sent none, as HTTP/1.0 may) is served. */
    public boolean allows(String host) {
        if (host == null || names.contains("*")) {
            return true;
        }
        return names.contains(nameOf(host.trim().toLowerCase(Locale.ROOT)));
    }

    /** The Host header's name without its port: {@code kb.example:4000} → {@code kb.example}, {@code [::1]:4000} → {@code [::1]}. */
    static String nameOf(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.lastIndexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** A before-handler: 421 for a request naming a host this server does not serve. */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (!allows(host)) {
            ctx.header("Connection", "close");
            throw new ApiException(ApiError.MISDIRECTED_REQUEST, "This server does not serve the host \""
                    + Texts.abbreviate(host, 100) + "\" (its operator can add names with " + VARIABLE + ")");
        }
    }
}
