package org.semiont.cli.projections;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.semiont.cli.common.ApplicationDatabase;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.events.EventLog;
import org.semiont.events.EventsException;
import org.semiont.server.util.Json;
import org.semiont.server.api.StandardProjections;
import org.semiont.server.config.Environment;
import org.semiont.server.config.PoolSettings;
import org.semiont.server.datadir.DataDirLayout;
import org.semiont.server.db.ConnectionPools;
import org.semiont.server.db.DatabaseRuntime;
import org.semiont.server.document.DocumentFiles;
import org.semiont.server.projection.Checkpoints;
import org.semiont.server.projection.ProjectionLock;
import org.semiont.server.projection.Projector;
import org.semiont.server.projection.ProjectionMaintenance;

/**
 * Opens what a projections verb needs, exclusively: the event log's write lock first (so a running
 * server is detected and left alone), then the database (the embedded one is started for the verb).
 */
public final class Maintenance implements AutoCloseable {
    private final EventLog log;
    private final DatabaseRuntime runtime;
    private final ProjectionLock lock;
    private final HikariDataSource pool;
    private final StandardProjections projections;
    private final ProjectionMaintenance maintenance;

    private Maintenance(EventLog log, DatabaseRuntime runtime, ProjectionLock lock, HikariDataSource pool,
                        StandardProjections projections) {
        this.log = log;
        this.runtime = runtime;
        this.lock = lock;
        this.pool = pool;
        this.projections = projections;
        this.maintenance = new ProjectionMaintenance(pool, log, projections.projections(), Clock.systemUTC());
    }

    public static Maintenance open(DatabaseOptions db, String purpose) {
        DataDirLayout layout = new DataDirLayout(db.dataDirOptions().existingDataDir());
        EventLog log;
        try {
            log = EventLog.open(layout.root());
        } catch (EventsException e) {
            throw new CliException(ExitCodes.FAILURE, "Cannot open the event log in " + layout.events() + ": " + e.getMessage()
                    + ". If the server is running, stop it first: " + purpose + " needs the log and the projections to itself.");
        }
        DatabaseRuntime runtime = null;
        ProjectionLock lock = null;
        try {
            DatabaseRuntime opened = db.openRuntime(purpose);
            runtime = opened;
            lock = ProjectionLock.acquire(() -> ConnectionPools.dedicated(opened.target(), purpose.replaceFirst("^semiont ", "")));
            ApplicationDatabase.ensureSchema(runtime, layout);
            HikariDataSource pool = ConnectionPools.application(runtime.target(), PoolSettings.from(Environment.system()));
            return new Maintenance(log, runtime, lock, pool, StandardProjections.create(pool, layout.root(), Json.mapper()));
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            if (runtime != null) {
                runtime.close();
            }
            log.close();
            throw e;
        }
    }

    public ProjectionMaintenance maintenance() {
        return maintenance;
    }

    public EventLog log() {
        return log;
    }

    public javax.sql.DataSource pool() {
        return pool;
    }

    /** The JSON projection files that are not what the rows and the log up to the projector's checkpoint make of them. */
    public List<DocumentFiles.FileDrift> fileDrift() {
        try (Connection c = pool.getConnection()) {
            List<DocumentFiles.FileDrift> drift = new ArrayList<>(projections.files().check(log, Checkpoints.read(c, Projector.NAME)));
            projections.entityTypes().fileDrift().ifPresent(f -> drift.add(new DocumentFiles.FileDrift("entity types", f.getKey(), f.getValue())));
            return drift;
        } catch (SQLException | IOException e) {
            throw new CliException(ExitCodes.FAILURE, "Checking the projection files failed: " + e.getMessage());
        }
    }

    /** Puts the projections back from a snapshot (a restore). */
    public org.semiont.server.projection.SnapshotLoad snapshotLoad() {
        return new org.semiont.server.projection.SnapshotLoad(pool, log, projections.projections(), Clock.systemUTC());
    }

    /**
     * Writes every JSON projection file from the rows, several at once (after {@link #snapshotLoad}: a snapshot holds no
     * files; after a restore's rebuild too, so both restores write them alike).
     */
    public void rewriteFiles() {
        try {
            projections.files().rewriteAll(log, log.lastPosition());
        } catch (SQLException | IllegalStateException e) {
            throw new CliException(ExitCodes.FAILURE, "Writing the projection files failed: " + e.getMessage());
        }
        projections.entityTypes().writeFile();
    }

    /** Writes the JSON projection files of every document the last rebuild touched. */
    public void flushFiles() {
        projections.files().flush();
    }

    @Override
    public void close() {
        pool.close();
        lock.close();
        runtime.close();
        log.close();
    }
}
