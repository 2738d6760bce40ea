package org.semiont.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.semiont.server.config.DatabaseTarget;
import org.semiont.server.config.SlowQuerySettings;
import org.semiont.server.datadir.DataDirLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a data dir (real binaries via zonky). The caller must hold the
 * data dir's {@code DataDirLock}: under it, any postmaster still running on the cluster was
 * left behind by a killed process and is stopped before a fresh start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String DATABASE = "semiont";
    public static final String USER = "postgres";
    /** Character classes (LC_CTYPE) for a new cluster, in order of preference: UTF-8 aware, else plain C. */
    static final List<String> CTYPES = List.of("C.UTF-8", "C");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private final DataDirLayout layout;
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(DataDirLayout layout, EmbeddedPostgres postgres) {
        this.layout = layout;
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(DataDirLayout layout) {
        return start(layout, Optional.of(SlowQuerySettings.DEFAULT));
    }

    /** {@link #start}, logging statements that run {@code slowQuery} or longer to {@code logs/postgres.log}. */
    public static EmbeddedPostgresServer start(DataDirLayout layout, Optional<Duration> slowQuery) {
        try {
            Files.createDirectories(layout.root());
            Files.createDirectories(layout.logs());
            Path cluster = layout.postgres();
            OrphanPostmaster.stopIfRunning(cluster);
            if (!ClusterFiles.isInitialized(cluster)) {
                initialize(layout);
            }
            int port = choosePort(layout);
            EmbeddedPostgres pg = builder(layout, cluster, port)
                    .setServerConfig("log_min_duration_statement", SlowQuerySettings.postgresSetting(slowQuery))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(layout, pg);
            server.ensureDatabase();
            RuntimeFile.write(layout, port, ClusterFiles.postmasterPid(cluster).orElse(-1L));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + layout.postgres()
                    + " (see " + layout.logs().resolve("postgres.log") + "): " + e.getMessage(), e);
        }
    }

    /**
     * initdb runs in a scratch directory that is renamed into place only once the cluster has
     * started and stopped cleanly, so a crash during the first start never leaves a half-made cluster.
     */
    private static void initialize(DataDirLayout layout) throws IOException {
        initialize(layout, CTYPES);
    }

    /** Tries each character-classes locale in turn ({@link #CTYPES}: the first this machine has wins). */
    static void initialize(DataDirLayout layout, List<String> ctypes) throws IOException {
        Files.createDirectories(layout.logs());
        Path scratch = layout.root().resolve("postgres.initdb");
        log.info("Creating the embedded PostgreSQL cluster in {} (first start)", layout.postgres());
        Exception first = null;
        for (String ctype : ctypes) {
            try {
                initdb(layout, scratch, ctype);
                if (first != null) {
                    log.warn("The embedded cluster uses character classes {}: {} failed ({}), so case-insensitive "
                            + "matching of names (search, e-mail) folds ASCII letters only", ctype, ctypes.get(0), first.getMessage());
                }
                ClusterFiles.deleteRecursively(layout.postgres());
                Files.move(scratch, layout.postgres());
                return;
            } catch (IOException | RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        ClusterFiles.deleteRecursively(scratch);
        throw new IOException("initdb failed with every locale tried " + ctypes + ": " + first.getMessage(), first);
    }

    /**
     * The cluster's locale is set here, never taken from the environment: initdb refuses a {@code LANG} that this
     * machine does not have (a newcomer's {@code de_DE.UTF-8} in a slim container stopped the first start), and a
     * linguistic collation would make text order, and so every text index, depend on the machine's C library
     * version. Collation {@code C} orders UTF-8 text by code point, as {@code C.UTF-8} does, through the fast
     * byte-compare paths.
     */
    private static void initdb(DataDirLayout layout, Path scratch, String ctype) throws IOException {
        ClusterFiles.deleteRecursively(scratch);
        EmbeddedPostgres.Builder b = builder(layout, scratch, freePort()).setLocaleConfig("lc-collate", "C")
                .setLocaleConfig("lc-ctype", ctype);
        for (String category : List.of("lc-messages", "lc-monetary", "lc-numeric", "lc-time")) {
            b.setLocaleConfig(category, "C");
        }
        try (EmbeddedPostgres pg = b.start()) {
            log.debug("Embedded PostgreSQL initialized on port {}", pg.getPort());
        }
    }

    private static EmbeddedPostgres.Builder builder(DataDirLayout layout, Path cluster, int port) {
        ProcessBuilder.Redirect logs = ProcessBuilder.Redirect.appendTo(layout.logs().resolve("postgres.log").toFile());
        return EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(logs)
                .setErrorRedirector(logs)
                // zonky's defaults trade durability for test speed; this cluster holds real data.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", SharedBuffers.forThisMachine())
                // nothing replicates from this cluster or archives its WAL (the event log is the source of truth, and
                // point-in-time recovery replays it), so it keeps the least WAL that crash recovery needs: a bulk
                // rebuild (TRUNCATE + COPY in one transaction) then writes no WAL for the tables it reloads
                .setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0");
    }

    private static int choosePort(DataDirLayout layout) throws IOException {
        Optional<Integer> previous = RuntimeFile.read(layout).map(RuntimeFile.State::port);
        if (previous.isPresent() && isFree(previous.get())) {
            return previous.get();
        }
        return freePort();
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void ensureDatabase() throws IOException {
        try (Connection c = DriverManager.getConnection(target().withDatabase("postgres").jdbcUrl(), USER, null);
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            q.setString(1, DATABASE);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("could not create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public DatabaseTarget target() {
        return targetAt(port());
    }

    static DatabaseTarget targetAt(int port) {
        return new DatabaseTarget("127.0.0.1", port, DATABASE, USER, null, Map.of(), "public", "embedded");
    }

    /** Stops PostgreSQL (fast shutdown: open sessions are ended, the cluster is left consistent). */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
        } finally {
            RuntimeFile.delete(layout);
        }
    }
}
