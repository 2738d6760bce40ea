package org.semiont.cli.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.user.UserLedger;
import org.semiont.server.user.UserRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont token}: prints a 7-day JWT for an existing, active user as the last output line. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a sign-in token (JWT, 7 days) for an existing user; the token is the last output line.")
public final class TokenCommand implements Callable<Integer> {
    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The user's email.")
    String email;

    @Mixin
    DataDirOptions dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (UserAccess access = UserAccess.open(dataDir.existingDataDir(), "semiont token")) {
            UserRecord u = access.online() ? viaServer(access) : new UserLedger(access.log()).read().byEmail(email.trim())
                    .orElseThrow(this::unknown);
            if (!u.active()) {
                throw new CliException(ExitCodes.FAILURE, "User " + u.email() + " is deactivated; reactivate it first "
                        + "(PATCH /api/admin/users/" + u.id() + " {\"isActive\":true})");
            }
            spec.commandLine().getOut().println(access.jwt().issue(u, JwtCodec.LOGIN_TTL));
            return ExitCodes.OK;
        }
    }

    private UserRecord viaServer(UserAccess access) {
        JsonNode users = access.call("GET", "/api/admin/users?email=" + URLEncoder.encode(email.trim(), StandardCharsets.UTF_8), null)
                .path("users");
        if (users.isEmpty()) {
            throw unknown();
        }
        JsonNode u = users.get(0);
        return new UserRecord(u.path("id").asText(), u.path("email").asText(), u.path("name").isNull() ? null : u.path("name").asText(),
                null, u.path("domain").asText(), u.path("provider").asText(), null, u.path("isActive").asBoolean(),
                u.path("isAdmin").asBoolean(), u.path("isModerator").asBoolean(), null, null, Instant.EPOCH, Instant.EPOCH);
    }

    private CliException unknown() {
        return new CliException(ExitCodes.FAILURE, "No user with email " + email.trim() + "; create one with 'semiont useradd --email "
                + email.trim() + "'");
    }
}
