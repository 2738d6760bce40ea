package org.semiont.server.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.DatabaseSource;
import org.semiont.server.config.DatabaseTarget;
import org.semiont.server.datadir.DataDirLayout;
import org.semiont.server.datadir.DataDirLock;

/**
 * The database a process talks to, with whatever it had to start to get it: nothing for an
 * external server, the embedded PostgreSQL (and the data dir lock) otherwise. Closing it stops
 * only what it started.
 */
public final class DatabaseRuntime implements AutoCloseable {
    private final DatabaseTarget target;
    private final String description;
    private final EmbeddedPostgresServer embedded;
    private final DataDirLock lock;

    private DatabaseRuntime(DatabaseTarget target, String description, EmbeddedPostgresServer embedded, DataDirLock lock) {
        this.target = target;
        this.description = description;
        this.embedded = embedded;
        this.lock = lock;
    }

    /** For the server, which already holds the data dir lock. */
    public static DatabaseRuntime forServer(DatabaseSource source, DataDirLayout layout) {
        if (source instanceof DatabaseSource.External ext) {
            return external(ext.target());
        }
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(layout, ((DatabaseSource.Embedded) source).slowQuery());
        return new DatabaseRuntime(pg.target(), embeddedDescription(layout, pg.port()), pg, null);
    }

    /**
     * For a CLI verb: an external database as configured; the embedded one of a running server
     * (port from the data dir's runtime file); or the embedded one started for this command.
     */
    public static DatabaseRuntime forCommand(DatabaseSource source, DataDirLayout layout, String purpose) {
        if (source instanceof DatabaseSource.External ext) {
            return external(ext.target());
        }
        try {
            Optional<DataDirLock> lock = DataDirLock.tryAcquire(layout.root(), purpose);
            if (lock.isPresent()) {
                try {
                    EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(layout, ((DatabaseSource.Embedded) source).slowQuery());
                    return new DatabaseRuntime(pg.target(), embeddedDescription(layout, pg.port()), pg, lock.get());
                } catch (RuntimeException e) {
                    lock.get().close();
                    throw e;
                }
            }
            return attachToRunning(layout);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use data dir " + layout.root() + ": " + e.getMessage(), e);
        }
    }

    private static DatabaseRuntime attachToRunning(DataDirLayout layout) {
        String owner = DataDirLock.readOwner(layout.root()).map(DataDirLock.Owner::describe).orElse("another process");
        RuntimeFile.State state = RuntimeFile.read(layout).orElseThrow(() -> new ConfigException(
                "Data dir " + layout.root() + " is in use by " + owner + " and its embedded PostgreSQL is not running yet; retry in a moment."));
        return new DatabaseRuntime(EmbeddedPostgresServer.targetAt(state.port()),
                embeddedDescription(layout, state.port()) + ", owned by " + owner, null, null);
    }

    private static DatabaseRuntime external(DatabaseTarget target) {
        return new DatabaseRuntime(target, target.displayName() + " (" + target.source() + ")", null, null);
    }

    private static String embeddedDescription(DataDirLayout layout, int port) {
        return "embedded PostgreSQL at " + layout.postgres() + " (127.0.0.1:" + port + ")";
    }

    public DatabaseTarget target() {
        return target;
    }

    /** For banners and messages: where the database is, never a password. */
    public String description() {
        return description;
    }

    public Optional<EmbeddedPostgresServer> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } finally {
            if (lock != null) {
                try {
                    lock.close();
                } catch (IOException ignored) {
                    // the OS releases the lock with the process anyway
                }
            }
        }
    }
}
