package org.semiont.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the database from settings. Precedence (first present wins):
 * an explicit {@code --url}, {@code DATABASE_URL}, {@code DATABASE_SECRET} (JSON),
 * {@code DATABASE_SECRET_FILE} (path to JSON), {@code DB_HOST}+{@code DB_USER}+{@code DB_PASSWORD}
 * (with {@code DB_PORT}, {@code DB_NAME}; {@code sslmode=require}), else the embedded PostgreSQL.
 */
public final class DatabaseSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatabaseSettings() {
    }

    public static DatabaseSource resolve(Environment env, Optional<String> urlFlag) {
        if (urlFlag.isPresent() && !urlFlag.get().isBlank()) {
            return new DatabaseSource.External(DatabaseTarget.parseUrl(urlFlag.get(), "--url"));
        }
        Optional<String> url = env.get("DATABASE_URL");
        if (url.isPresent()) {
            return new DatabaseSource.External(DatabaseTarget.parseUrl(url.get(), "DATABASE_URL"));
        }
        Optional<String> secret = env.get("DATABASE_SECRET");
        if (secret.isPresent()) {
            return new DatabaseSource.External(fromSecretJson(secret.get(), "DATABASE_SECRET", env));
        }
        Optional<String> secretFile = env.get("DATABASE_SECRET_FILE");
        if (secretFile.isPresent()) {
            return new DatabaseSource.External(fromSecretJson(readSecretFile(secretFile.get()), "DATABASE_SECRET_FILE", env));
        }
        if (env.get("DB_HOST").isPresent()) {
            return new DatabaseSource.External(fromDbVariables(env));
        }
        return new DatabaseSource.Embedded(SlowQuerySettings.resolve(env));
    }

    /** AWS-Secrets-Manager style {@code {"username","password","host","port","dbname"}}; {@code sslmode} defaults to require. */
    static DatabaseTarget fromSecretJson(String json, String source, Environment env) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new ConfigException(source + " is not valid JSON (expected {\"username\",\"password\",\"host\",\"port\",\"dbname\"}).");
        }
        if (node == null || !node.isObject()) {
            throw new ConfigException(source + " must be a JSON object with username, password, host, port and dbname.");
        }
        List<String> missing = java.util.stream.Stream.of("username", "password", "host")
                .filter(k -> !node.hasNonNull(k) || node.get(k).asText().isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new ConfigException(source + " is missing " + String.join(", ", missing) + ".");
        }
        int port = node.hasNonNull("port") ? parsePort(node.get("port").asText(), source + ".port") : 5432;
        String db = node.hasNonNull("dbname") ? node.get("dbname").asText() : "postgres";
        String sslmode = node.hasNonNull("sslmode") ? node.get("sslmode").asText() : env.get("DB_SSLMODE").orElse("require");
        return new DatabaseTarget(node.get("host").asText(), port, db, node.get("username").asText(),
                node.get("password").asText(), Map.of("sslmode", sslmode), env.get("DB_SCHEMA").orElse(null), source);
    }

    static DatabaseTarget fromDbVariables(Environment env) {
        List<String> missing = java.util.stream.Stream.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD")
                .filter(k -> env.get(k).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new ConfigException("DB_HOST is set but " + String.join(", ", missing)
                    + " " + (missing.size() == 1 ? "is" : "are") + " missing; set all of DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD or use DATABASE_URL.");
        }
        return new DatabaseTarget(env.get("DB_HOST").orElseThrow(), parsePort(env.get("DB_PORT").orElseThrow(), "DB_PORT"),
                env.get("DB_NAME").orElseThrow(), env.get("DB_USER").orElseThrow(), env.get("DB_PASSWORD").orElseThrow(),
                Map.of("sslmode", env.get("DB_SSLMODE").orElse("require")), env.get("DB_SCHEMA").orElse(null), "DB_*");
    }

    private static String readSecretFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new ConfigException("Cannot read DATABASE_SECRET_FILE " + path + ": " + e.getClass().getSimpleName() + ".");
        }
    }

    static int parsePort(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a port number, got \"" + value + "\".");
        }
    }
}
