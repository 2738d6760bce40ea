package org.semiont.cli.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.schema.generate.DefaultGenerators;
import org.semiont.schema.generate.GeneratedDefault;
import org.semiont.server.http.ApiException;
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

    @Mixin
    DataDirOptions dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String normalized;
        try {
            normalized = UserService.normalizeEmail(email);
        } catch (ApiException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        try (UserAccess access = UserAccess.open(dataDir.dataDir(), "semiont useradd")) {
            String id = access.online() ? viaServer(access, normalized) : direct(access, normalized);
            spec.commandLine().getOut().println("Created user " + normalized + " (id " + id + ")"
                    + (admin ? ", admin" : "") + (moderator ? ", moderator" : "") + ".");
            return ExitCodes.OK;
        }
    }

    private String viaServer(UserAccess access, String normalized) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", normalized);
        if (name != null) {
            body.put("name", name);
        }
        body.put("isAdmin", admin);
        body.put("isModerator", moderator);
        JsonNode r = access.call("POST", "/api/admin/users", body);
        return r.path("user").path("id").asText();
    }

    private String direct(UserAccess access, String normalized) {
        String id = (String) DefaultGenerators.system().generate(new GeneratedDefault(GeneratedDefault.Kind.CUID, 0));
        try {
            UserRecord u = new UserLedger(access.log()).create(new UserService.NewUser(normalized, name, null, "local", null,
                    admin, moderator), id);
            return u.id();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.FAILURE, e.getMessage() + "; nothing was changed");
        }
    }
}
