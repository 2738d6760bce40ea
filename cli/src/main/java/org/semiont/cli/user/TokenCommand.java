package org.semiont.cli.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.semiont.cli.common.ApplicationDatabase;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.auth.SessionStore;
import org.semiont.server.config.Environment;
import org.semiont.server.config.PoolSettings;
import org.semiont.server.datadir.DataDirLayout;
import org.semiont.server.db.ConnectionPools;
import org.semiont.server.db.DatabaseRuntime;
import org.semiont.server.user.UserLedger;
import org.semiont.server.user.UserRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code semiont token}: starts a session for an existing, active user and prints its access token (7 days) as the
 * last output line. Through the running server, or (server stopped) directly in the database.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print a sign-in token (JWT, 7 days) for an existing user; the token is the last output line.",
                "It starts a session of its own: 'POST /api/users/logout' with the token, or an admin ending the user's "
                        + "sessions, ends it."})
public final class TokenCommand implements Callable<Integer> {
    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The user's email.")
    String email;

    @Mixin
    DatabaseOptions db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        java.nio.file.Path dir = db.dataDirOptions().existingDataDir();
        UserRecord user;
        try (UserAccess access = UserAccess.open(dir, "semiont token")) {
            if (access.online()) {
                spec.commandLine().getOut().println(viaServer(access));
                return ExitCodes.OK;
            }
            user = new UserLedger(access.log()).read().byEmail(email.trim()).orElseThrow(this::unknown);
        }
        requireActive(user);
        spec.commandLine().getOut().println(direct(user, UserAccess.jwt(dir)));
        return ExitCodes.OK;
    }

    private String viaServer(UserAccess access) {
        JsonNode users = access.call("GET", "/api/admin/users?email=" + URLEncoder.encode(email.trim(), StandardCharsets.UTF_8), null)
                .path("users");
        if (users.isEmpty()) {
            throw unknown();
        }
        JsonNode u = users.get(0);
        if (!u.path("isActive").asBoolean()) {
            throw deactivated(u.path("email").asText(), u.path("id").asText());
        }
        return access.call("POST", "/api/admin/users/" + u.path("id").asText() + "/tokens", null).path("token").asText();
    }

    /** With the server stopped: the session goes straight into the database (started for this command if embedded). */
    private String direct(UserRecord user, JwtCodec jwt) {
        try (DatabaseRuntime runtime = db.openRuntime("semiont token")) {
            ApplicationDatabase.ensureSchema(runtime, new DataDirLayout(db.dataDirOptions().existingDataDir()));
            try (var pool = ConnectionPools.application(runtime.target(), PoolSettings.from(Environment.system()))) {
                SessionStore.Session s = new SessionStore(pool, Clock.systemUTC()).create(user.id(), "cli",
                        JwtCodec.SESSION_TTL, null, "semiont token");
                return jwt.issueAccess(user, s.id(), JwtCodec.LOGIN_TTL, s.expiresAt());
            }
        }
    }

    private static void requireActive(UserRecord u) {
        if (!u.active()) {
            throw deactivated(u.email(), u.id());
        }
    }

    private static CliException deactivated(String email, String id) {
        return new CliException(ExitCodes.FAILURE, "User " + email + " is deactivated; reactivate it first "
                + "(PATCH /api/admin/users/" + id + " {\"isActive\":true})");
    }

    private CliException unknown() {
        return new CliException(ExitCodes.FAILURE, "No user with email " + email.trim() + "; create one with 'semiont useradd --email "
                + email.trim() + "'");
    }
}
