package org.semiont.server.auth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.semiont.server.rest.SecuredRoutes;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.semiont.server.http.ApiError;
import org.semiont.server.http.ApiException;
import org.semiont.server.rest.Requests;
import org.semiont.server.user.UserDirectory;
import org.semiont.server.user.UserRecord;
import org.semiont.server.user.UserService;

/** {@code /api/users/*} (the caller) and {@code /api/admin/users*} (admins). */
public final class UserRoutes {
    private final UserService users;
    private final UserDirectory directory;
    private final Requests requests;
    private final Clock clock;

    public UserRoutes(UserService users, UserDirectory directory, Requests requests, Clock clock) {
        this.users = users;
        this.directory = directory;
        this.requests = requests;
        this.clock = clock;
    }

    public void register(SecuredRoutes routes) {
        routes.get("/api/users/me", ctx -> ctx.json(UserJson.full(self(ctx))));
        routes.post("/api/users/accept-terms", ctx -> {
            users.acceptTerms(self(ctx));
            ctx.json(Map.of("success", true, "message", "Terms accepted"));
        });
        routes.post("/api/users/logout", ctx -> ctx.json(Map.of("success", true, "message", "Logged out successfully")));
        routes.get("/api/admin/users", this::list);
        routes.post("/api/admin/users", this::create);
        routes.get("/api/admin/users/stats", this::stats);
        routes.patch("/api/admin/users/{id}", this::patch);
        routes.delete("/api/admin/users/{id}", this::delete);
    }

    private static UserRecord self(Context ctx) {
        Principal p = Authenticator.principal(ctx);
        if (p.user() == null) {
            throw new ApiException(ApiError.BAD_REQUEST, "The CLI service token has no user; use a user's token");
        }
        return p.user();
    }

    private void list(Context ctx) {
        Authenticator.requireAdmin(ctx);
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("success", true);
        ArrayNode arr = out.putArray("users");
        String email = Requests.stringParam(ctx, "email", 320);
        directory.all().stream().filter(u -> email == null || u.email().equalsIgnoreCase(email)).forEach(u -> arr.add(UserJson.admin(u)));
        ctx.json(out);
    }

    private void create(Context ctx) {
        Principal p = Authenticator.requireAdmin(ctx);
        ObjectNode b = requests.object(ctx);
        String name = b.path("name").isTextual() ? b.get("name").asText() : null;
        UserRecord u = users.create(new UserService.NewUser(b.path("email").asText(null), name, null,
                b.path("provider").asText("local"), null, b.path("isAdmin").asBoolean(false),
                b.path("isModerator").asBoolean(false)), p.userId());
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("success", true);
        out.set("user", UserJson.admin(u));
        ctx.status(201).json(out);
    }

    private void stats(Context ctx) {
        Authenticator.requireAdmin(ctx);
        List<UserRecord> all = directory.all();
        ObjectNode stats = JsonNodeFactory.instance.objectNode();
        long admins = all.stream().filter(UserRecord::admin).count();
        stats.put("totalUsers", all.size()).put("activeUsers", all.stream().filter(UserRecord::active).count())
                .put("adminUsers", admins).put("regularUsers", all.size() - admins);
        Map<String, Integer> domains = new TreeMap<>();
        all.forEach(u -> domains.merge(u.domain(), 1, Integer::sum));
        ArrayNode d = stats.putArray("domainBreakdown");
        domains.forEach((k, v) -> d.addObject().put("domain", k).put("count", v));
        Instant since = clock.instant().minus(Duration.ofDays(30));
        ArrayNode recent = stats.putArray("recentSignups");
        all.stream().filter(u -> u.createdAt().isAfter(since)).limit(10).forEach(u -> recent.add(UserJson.admin(u)));
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("success", true);
        out.set("stats", stats);
        ctx.json(out);
    }

    private void patch(Context ctx) {
        Principal p = Authenticator.requireAdmin(ctx);
        ObjectNode b = requests.object(ctx);
        Requests.requireOnly(b, List.of("isAdmin", "isActive", "isModerator", "name"), "A user's PATCH");
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        for (String f : List.of("isAdmin", "isActive", "isModerator")) {
            if (b.has(f)) {
                if (!b.get(f).isBoolean()) {
                    throw new ApiException(ApiError.VALIDATION_FAILED, f + " must be true or false");
                }
                changes.set(f, b.get(f));
            }
        }
        if (b.has("name")) {
            if (!b.get("name").isTextual() || b.get("name").asText().length() > 200) {
                throw new ApiException(ApiError.VALIDATION_FAILED, "name must be a string of at most 200 characters");
            }
            changes.set("name", b.get("name"));
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("success", true);
        out.set("user", UserJson.admin(users.update(ctx.pathParam("id"), changes, p.userId())));
        ctx.json(out);
    }

    private void delete(Context ctx) {
        Principal p = Authenticator.requireAdmin(ctx);
        users.delete(ctx.pathParam("id"), p.userId());
        ctx.json(Map.of("success", true, "message", "User deleted"));
    }
}
