package org.semiont.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * A second PostgreSQL acting as an "external" server: password authentication only
 * (scram-sha-256), TLS on, reached through a URL like a real deployment. Can be stopped and
 * started again on the same port and data, to simulate an outage.
 */
public final class ExternalPostgres implements AutoCloseable {
    public static final String USER = "semiont_app";
    public static final String PASSWORD = "Ext3rnal-S3cret-pw";
    public static final String DATABASE = "semiont_ext";
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres pg;

    private ExternalPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static ExternalPostgres start(Path dir) throws IOException, SQLException, InterruptedException {
        ExternalPostgres ext = new ExternalPostgres(dir.resolve("pg"), freePort());
        ext.pg = ext.builder().start();
        ext.provision();
        ext.pg.close();
        ext.secure();
        ext.pg = ext.builder().start();
        return ext;
    }

    private EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1");
    }

    private void provision() throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        }
    }

    /** Password-only auth over TLS (self-signed certificate made with openssl), superuser kept local. */
    private void secure() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("openssl", "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", dataDir.resolve("server.key").toString(), "-out", dataDir.resolve("server.crt").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl could not create a test certificate");
        }
        Files.setPosixFilePermissions(dataDir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dataDir.resolve("pg_hba.conf"),
                "host all postgres 127.0.0.1/32 trust\nhostssl all all 127.0.0.1/32 scram-sha-256\n");
        Files.writeString(dataDir.resolve("postgresql.conf"), "\nssl = on\n", java.nio.file.StandardOpenOption.APPEND);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + "/" + DATABASE + "?sslmode=require";
    }

    /** Drops the application database and creates it empty: a fresh deployment for the next test. */
    public void recreateDatabase() throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        }
    }

    /** Runs statements in the application database as the superuser (roles, grants). */
    public void asSuperuser(String... statements) throws SQLException {
        try (Connection c = pg.getDatabase("postgres", DATABASE).getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Simulates an outage. */
    public void stop() throws IOException {
        pg.close();
    }

    /** Comes back on the same port with the same data. */
    public void restart() throws IOException {
        pg = builder().start();
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
