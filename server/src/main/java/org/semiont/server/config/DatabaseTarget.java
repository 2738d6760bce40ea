package org.semiont.server.config;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Where a PostgreSQL database is: host, port, database, credentials and connection parameters
 * (e.g. {@code sslmode}). {@code schema} is the PostgreSQL namespace (Prisma's {@code ?schema=}).
 * {@link #toString()} never shows the password.
 *
 * @param source which setting this came from ("DATABASE_URL", "DATABASE_SECRET", "--url", "embedded", …)
 */
public record DatabaseTarget(String host, int port, String database, String user, String password,
                             Map<String, String> params, String schema, String source) {
    public DatabaseTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        params = Map.copyOf(params);
        if (schema == null || schema.isBlank()) {
            schema = "public";
        }
        if (port <= 0 || port > 65535) {
            throw new ConfigException("Database port " + port + " from " + source + " is not between 1 and 65535.");
        }
    }

    /** Parses {@code postgresql://user:pass@host:port/db?sslmode=require&schema=x} or a {@code jdbc:postgresql://} URL. */
    public static DatabaseTarget parseUrl(String url, String source) {
        String raw = url.trim();
        if (raw.startsWith("jdbc:")) {
            raw = raw.substring("jdbc:".length());
        }
        if (!raw.startsWith("postgresql://") && !raw.startsWith("postgres://")) {
            throw new ConfigException(source + " must start with postgresql://, postgres:// or jdbc:postgresql:// (got "
                    + Redaction.redact(firstChars(url)) + ").");
        }
        URI uri;
        try {
            uri = URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + " is not a valid URL: " + Redaction.redact(e.getMessage()));
        }
        if (uri.getHost() == null) {
            throw new ConfigException(source + " has no host (expected postgresql://user:password@host:port/database).");
        }
        Map<String, String> params = parseQuery(uri.getRawQuery());
        String user = params.remove("user");
        String password = params.remove("password");
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : password;
        }
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : decode(uri.getPath().substring(1));
        String schema = params.remove("schema");
        params.remove("currentSchema");
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        return new DatabaseTarget(uri.getHost(), port, db, user, password, params, schema, source);
    }

    public DatabaseTarget withDatabase(String otherDatabase) {
        return new DatabaseTarget(host, port, otherDatabase, user, password, params, schema, source);
    }

    /** JDBC URL without credentials (they go in {@link #jdbcProperties()}). */
    public String jdbcUrl() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** Driver properties: credentials, URL parameters (sslmode …) and the search path for {@link #schema}. */
    public Properties jdbcProperties() {
        Properties p = new Properties();
        params.forEach(p::setProperty);
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("currentSchema", schema);
        p.setProperty("ApplicationName", "semiont");
        return p;
    }

    /** {@code host:port/database}, for banners and messages. */
    public String displayName() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + (user == null ? "" : user + "@") + displayName()
                + (params.isEmpty() ? "" : "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&")))
                + ", schema=" + schema + ", source=" + source + (password == null ? "" : ", password=" + Redaction.MASK) + "]";
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            out.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String firstChars(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
