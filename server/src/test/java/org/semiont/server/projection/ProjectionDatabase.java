package org.semiont.server.projection;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Map;
import org.semiont.server.api.ApiServer;
import org.semiont.server.config.Environment;
import org.semiont.server.config.PoolSettings;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.datadir.DataDirLayout;
import org.semiont.server.db.ConnectionPools;
import org.semiont.server.db.DatabaseRuntime;

/** A data dir's embedded cluster with the schema pushed and an application pool on it: for tests that drive projections. */
record ProjectionDatabase(DatabaseRuntime db, HikariDataSource pool) implements AutoCloseable {

    static ProjectionDatabase open(Path dataDir, String user) {
        ApiServer.start(dataDir).close(); // creates the cluster and pushes the schema
        ServerConfig config = ServerConfig.from(new Environment(Map.of()),
                new ServerConfig.Overrides("127.0.0.1", 0, null, dataDir, null));
        DatabaseRuntime db = DatabaseRuntime.forCommand(config.database(), new DataDirLayout(dataDir), user);
        return new ProjectionDatabase(db, ConnectionPools.application(db.target(), PoolSettings.DEFAULTS));
    }

    @Override
    public void close() {
        pool.close();
        db.close();
    }
}
