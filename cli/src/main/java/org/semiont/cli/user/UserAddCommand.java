package org.semiont.cli.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.cli.common.DomainExits;
import org.semiont.cli.common.ExitCodes;
import org.semiont.schema.generate.DefaultGenerators;
import org.semiont.schema.generate.GeneratedDefault;
import org.semiont.server.auth.PasswordHasher;
import org.semiont.server.error.DomainException;
import org.semiont.server.user.UserLedger;
import org.semiont.server.user.UserRecord;
import org.semiont.server.user.UserService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont useradd}: creates a user (an event on {@code __users__}), whether or not the server runs. */
@Command(name = "useradd", mixinStandardHelpOptions = true,
        description = "Create a user who can sign in (works while the server runs: it then goes through the server).")
public final class UserAddCommand implements Callable<Integer> {
    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The user's email (unique).")
    String email;

    @Option(names = "--name", paramLabel = "NAME", description = "Display name.")
    String name;

    @Option(names = "--admin", description = "Make the user an admin.")
    boolean admin;

    @Option(names = "--moderator", description = "Make the user a moderator.")
    boolean moderator;

    @Option(names = "--password-stdin", description = "Read the user's password from the first line of standard input "
            + "(without it, a terminal is asked; with neither the user has no password and signs in another way).")
    boolean passwordStdin;

    @Mixin
    DataDirOptions dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String normalized;
        try {
            normalized = UserService.normalizeEmail(email);
        } catch (DomainException e) {
            throw DomainExits.toCli(e);
        }
        char[] password = passwordStdin ? PasswordInput.fromStdin(normalized) : PasswordInput.prompt(normalized, true);
        try (UserAccess access = UserAccess.open(dataDir.dataDir(), "semiont useradd")) {
            String id = access.online() ? viaServer(access, normalized, password) : direct(access, normalized, password);
            spec.commandLine().getOut().println("Created user " + normalized + " (id " + id + ")"
                    + (admin ? ", admin" : "") + (moderator ? ", moderator" : "")
                    + (password != null ? ", with a password" : ", without a password") + ".");
            return ExitCodes.OK;
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    private String viaServer(UserAccess access, String normalized, char[] password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", normalized);
        if (name != null) {
            body.put("name", name);
        }
        body.put("isAdmin", admin);
        body.put("isModerator", moderator);
        if (password != null) {
            body.put("password", new String(password));
        }
        JsonNode r = access.call("POST", "/api/admin/users", body);
        return r.path("user").path("id").asText();
    }

    private String direct(UserAccess access, String normalized, char[] password) {
        String id = (String) DefaultGenerators.system().generate(new GeneratedDefault(GeneratedDefault.Kind.CUID, 0));
        try {
            UserLedger ledger = new UserLedger(access.log());
            UserRecord u = ledger.create(new UserService.NewUser(normalized, name, null, "local", null, admin, moderator), id);
            if (password != null) {
                ledger.setPassword(u.id(), new PasswordHasher(PasswordHasher.DEFAULT).hash(password), UserService.SYSTEM_ACTOR);
            }
            return u.id();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.FAILURE, e.getMessage() + "; nothing was changed");
        }
    }
}
