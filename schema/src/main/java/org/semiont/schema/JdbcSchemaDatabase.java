package org.semiont.schema;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A {@link SchemaDatabase} from a URL: {@code postgresql://user:pass@host:port/db?sslmode=…&schema=…}
 * (also {@code postgres://}) or {@code jdbc:postgresql://host:port/db?user=…&password=…&schema=…}.
 * {@code schema} becomes the default namespace; other parameters go to the JDBC driver.
 */
public final class JdbcSchemaDatabase implements SchemaDatabase {
    private final String host;
    private final int port;
    private final String database;
    private final Map<String, String> parameters;
    private final Properties credentials;
    private final String namespace;

    private JdbcSchemaDatabase(String host, int port, String database, Map<String, String> parameters,
                               Properties credentials, String namespace) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.parameters = Map.copyOf(parameters);
        this.credentials = credentials;
        this.namespace = namespace;
    }

    /** Parses the URL; a bad URL is a SCHEMA_DATABASE error whose message never shows the password. */
    public static JdbcSchemaDatabase fromUrl(String url) {
        String text = url == null ? "" : url.trim();
        String rest = text.startsWith("jdbc:") ? text.substring(5) : text;
        if (!rest.startsWith("postgresql://") && !rest.startsWith("postgres://")) {
            throw invalid("it must start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        URI uri;
        try {
            uri = new URI(rest);
        } catch (URISyntaxException e) {
            throw invalid("it is not a valid URL (" + e.getReason() + ")");
        }
        Map<String, String> params = query(uri.getRawQuery());
        Properties credentials = new Properties();
        userInfo(uri.getRawUserInfo(), credentials);
        move(params, "user", credentials);
        move(params, "password", credentials);
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : decode(uri.getPath().substring(1));
        String ns = params.remove("schema");
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        return new JdbcSchemaDatabase(host, uri.getPort() < 0 ? 5432 : uri.getPort(), db, params, credentials,
                ns == null || ns.isBlank() ? "public" : ns);
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), properties());
    }

    @Override
    public Connection connectMaintenance() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), properties());
    }

    @Override
    public SchemaDatabase onDatabase(String other) {
        return new JdbcSchemaDatabase(host, port, other, parameters, credentials, namespace);
    }

    @Override
    public String databaseName() {
        return database;
    }

    @Override
    public String displayName() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String defaultNamespace() {
        return namespace;
    }

    /** The JDBC URL without credentials. */
    public String jdbcUrl(String db) {
        String query = parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + host + ":" + port + "/" + db + (query.isEmpty() ? "" : "?" + query);
    }

    private Properties properties() {
        Properties p = new Properties();
        p.putAll(credentials);
        p.setProperty("ApplicationName", "semiont-schema");
        return p;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static void userInfo(String raw, Properties credentials) {
        if (raw == null) {
            return;
        }
        int colon = raw.indexOf(':');
        credentials.setProperty("user", decode(colon < 0 ? raw : raw.substring(0, colon)));
        if (colon >= 0) {
            credentials.setProperty("password", decode(raw.substring(colon + 1)));
        }
    }

    private static void move(Map<String, String> params, String key, Properties credentials) {
        String value = params.remove(key);
        if (value != null) {
            credentials.setProperty(key, value);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static SchemaException invalid(String why) {
        return new SchemaException(SchemaError.SCHEMA_DATABASE, "The database URL is not usable: " + why
                + ". Example: postgresql://user:password@localhost:5432/mydb?schema=public");
    }
}
