package org.semiont.cli.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.ExitCodes;
import org.semiont.cli.common.RunningServer;
import org.semiont.events.EventLog;
import org.semiont.server.datadir.ServerAddress;
import org.semiont.server.auth.AuthSettings;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.auth.JwtSecrets;
import org.semiont.server.config.Environment;
import org.semiont.server.datadir.DataDirLock;

/**
 * How user verbs reach the users without ever writing the event log behind a running server's back:
 * if this process can take the data dir lock, no server runs and the verb appends to the log itself
 * while holding the lock; otherwise the server owns the log and the verb goes through its HTTP API on
 * loopback, with a short-lived service token signed by the data dir's secret.
 */
final class UserAccess implements AutoCloseable {
    private final Path dataDir;
    private final DataDirLock lock;
    private final EventLog log;
    private final JwtCodec jwt;
    private final String serverUrl;

    private UserAccess(Path dataDir, DataDirLock lock, EventLog log, JwtCodec jwt, String serverUrl) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.log = log;
        this.jwt = jwt;
        this.serverUrl = serverUrl;
    }

    /** The signer of this data dir's tokens: JWT_SECRET, else the data dir's secret file. */
    static JwtCodec jwt(Path dataDir) {
        Environment env = Environment.system();
        String secret = JwtSecrets.resolve(env.get("JWT_SECRET"), dataDir, true).orElseThrow();
        return new JwtCodec(secret, AuthSettings.issuer(env), Clock.systemUTC());
    }

    static UserAccess open(Path dataDir, String purpose) {
        JwtCodec jwt = jwt(dataDir);
        try {
            Optional<DataDirLock> lock = DataDirLock.tryAcquire(dataDir, purpose);
            if (lock.isPresent()) {
                return new UserAccess(dataDir, lock.get(), EventLog.open(dataDir), jwt, null);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "Cannot use data dir " + dataDir + ": " + e.getMessage());
        }
        String url = ServerAddress.read(dataDir).orElseThrow(() -> new CliException(ExitCodes.FAILURE, "Data dir " + dataDir
                + " is in use by " + DataDirLock.readOwner(dataDir).map(DataDirLock.Owner::describe).orElse("another process")
                + " and no server URL is published in " + ServerAddress.file(dataDir) + "; wait until it is ready or stop it"));
        return new UserAccess(dataDir, null, null, jwt, url);
    }

    boolean online() {
        return serverUrl != null;
    }

    EventLog log() {
        return log;
    }

    JwtCodec jwt() {
        return jwt;
    }

    /** A request to the running server as the CLI service identity; returns the JSON body of a 2xx answer. */
    JsonNode call(String method, String path, Object body) {
        return new RunningServer(dataDir, serverUrl, jwt).call(method, path, body);
    }

    @Override
    public void close() {
        if (log != null) {
            log.close();
        }
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }
}
