package org.semiont.cli.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.ApplicationDatabase;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.server.auth.PasswordHasher;
import org.semiont.server.user.UserLedger;
import org.semiont.server.user.UserRecord;
import org.semiont.server.user.UserService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont passwd}: sets or resets a user's password (the user's sessions end), server running or not. */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = {"Set or reset a user's password; the user's sessions end. The password is asked on the terminal, "
                + "or read from standard input with --password-stdin (never from an argument).",
                "Exit 0 = set, 1 = failure (unknown user, say), 2 = usage (a password the rules refuse)."})
public final class PasswdCommand implements Callable<Integer> {
    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The user's email.")
    String email;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Mixin
    DatabaseOptions db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String normalized = email.trim().toLowerCase(java.util.Locale.ROOT);
        char[] password = passwordStdin ? PasswordInput.fromStdin(normalized) : PasswordInput.prompt(normalized, false);
        if (password == null) {
            throw new CliException(ExitCodes.USAGE, "No terminal to ask the password on: pipe it in with --password-stdin");
        }
        java.nio.file.Path dir = db.dataDirOptions().existingDataDir();
        String offlineUser = null;
        try (UserAccess access = UserAccess.open(dir, "semiont passwd")) {
            if (access.online()) {
                JsonNode users = access.call("GET", "/api/admin/users?email=" + URLEncoder.encode(normalized, StandardCharsets.UTF_8),
                        null).path("users");
                if (users.isEmpty()) {
                    throw unknown(normalized);
                }
                access.call("PUT", "/api/admin/users/" + users.get(0).path("id").asText() + "/password",
                        Map.of("password", new String(password)));
            } else {
                UserLedger ledger = new UserLedger(access.log());
                UserRecord u = ledger.read().byEmail(normalized).orElseThrow(() -> unknown(normalized));
                ledger.setPassword(u.id(), new PasswordHasher(PasswordHasher.DEFAULT).hash(password), UserService.SYSTEM_ACTOR);
                offlineUser = u.id();
            }
        } finally {
            Arrays.fill(password, '\0');
        }
        if (offlineUser != null) {
            endSessions(offlineUser, dir);
        }
        spec.commandLine().getOut().println("Password of " + normalized + " set; the user's sessions are ended.");
        return ExitCodes.OK;
    }

    /** With the server stopped, the sessions are ended in the database directly (started for this command if embedded). */
    private void endSessions(String userId, java.nio.file.Path dir) {
        try (org.semiont.server.db.DatabaseRuntime runtime = db.openRuntime("semiont passwd")) {
            ApplicationDatabase.ensureSchema(runtime, new org.semiont.server.datadir.DataDirLayout(dir));
            try (var pool = org.semiont.server.db.ConnectionPools.application(runtime.target(),
                    org.semiont.server.config.PoolSettings.from(org.semiont.server.config.Environment.system()))) {
                new org.semiont.server.auth.SessionStore(pool, java.time.Clock.systemUTC()).revokeAll(userId, "password reset");
            }
        }
    }

    private static CliException unknown(String email) {
        return new CliException(ExitCodes.FAILURE, "No user with email " + email + "; create one with 'semiont useradd --email "
                + email + "'");
    }
}
