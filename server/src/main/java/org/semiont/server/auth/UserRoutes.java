package org.semiont.server.auth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.semiont.server.error.DomainException;
import org.semiont.server.logging.LogTimestamps;
import org.semiont.server.web.Requests;
import org.semiont.server.web.SecuredRoutes;
import org.semiont.server.user.UserDirectory;
import org.semiont.server.user.UserRecord;
import org.semiont.server.user.UserService;

/** {@code /api/users/*} (the caller) and {@code /api/admin/users*} (admins). */
public final class UserRoutes {
    private final UserService users;
    private final UserDirectory directory;
    private final Requests requests;
    private final Clock clock;
    private final Sessions sessions;
    private final PasswordCheck passwords;

    public UserRoutes(UserService users, UserDirectory directory, Requests requests, Clock clock, Sessions sessions,
                      PasswordCheck passwords) {
        this.users = users;
        this.directory = directory;
        this.requests = requests;
        this.clock = clock;
        this.sessions = sessions;
        this.passwords = passwords;
    }

    public void register(SecuredRoutes routes) {
        routes.get("/api/users/me", ctx -> ctx.json(UserJson.full(self(ctx), sessions.lastSignIn(self(ctx).id()).orElse(null))));
        routes.post("/api/users/accept-terms", ctx -> {
            users.acceptTerms(self(ctx));
            ctx.json(Map.of("success", true, "message", "Terms accepted"));
        });
        routes.post("/api/users/logout", this::logout);
        routes.put("/api/users/me/password", this::changeOwnPassword);
        routes.get("/api/admin/users", this::list);
        routes.post("/api/admin/users", this::create);
        routes.get("/api/admin/users/stats", this::stats);
        routes.patch("/api/admin/users/{id}", this::patch);
        routes.delete("/api/admin/users/{id}", this::delete);
        routes.put("/api/admin/users/{id}/password", this::setPassword);
        routes.get("/api/admin/users/{id}/sessions", this::listSessions);
        routes.delete("/api/admin/users/{id}/sessions", this::endSessions);
        routes.post("/api/admin/users/{id}/tokens", this::cliToken);
    }

    private static UserRecord self(Context ctx) {
        Principal p = Authenticator.principal(ctx);
        if (p.user() == null) {
            throw DomainException.invalid("BAD_REQUEST", "The CLI service token has no user; use a user's token");
        }
        return p.user();
    }

    /** Ends the caller's session: its access and refresh tokens stop working (the original answered and kept them). */
    private void logout(Context ctx) {
        Principal p = Authenticator.principal(ctx);
        if (p.sessionId() != null) {
            sessions.end(p.sessionId(), "signed out");
        }
        ctx.json(Map.of("success", true, "message", "Logged out successfully"));
    }

    private void changeOwnPassword(Context ctx) {
        UserRecord me = self(ctx);
        ObjectNode b = requests.object(ctx);
        Requests.requireOnly(b, List.of("currentPassword", "newPassword"), "A password change");
        char[] current = b.path("currentPassword").isTextual() ? b.get("currentPassword").asText().toCharArray() : new char[0];
        try {
            passwords.signIn(me.email(), current, ctx.ip());
        } catch (DomainException e) {
            if (!e.code().equals("INVALID_CREDENTIALS")) {
                throw e;
            }
            throw DomainException.denied("The current password is not right; the password was not changed");
        }
        char[] next = password(b.path("newPassword").isTextual() ? b.get("newPassword").asText() : null, me.email());
        users.setPassword(me.id(), passwords.hash(next), me.id());
        int ended = sessions.endOthers(me.id(), Authenticator.principal(ctx).sessionId(), "password changed");
        ctx.json(JsonNodeFactory.instance.objectNode().put("success", true).put("otherSessionsEnded", ended));
    }

    /** A new password, checked against the rules; 400 naming what is wrong. */
    static char[] password(String text, String email) {
        char[] p = text == null ? null : text.toCharArray();
        PasswordRules.problem(p, email).ifPresent(problem -> {
            throw DomainException.invalid("VALIDATION_FAILED", "Invalid password: " + problem, List.of(problem));
        });
        return p;
    }

    private void list(Context ctx) {
        Authenticator.requireAdmin(ctx);
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("success", true);
        ArrayNode arr = out.putArray("users");
        String email = Requests.stringParam(ctx, "email", 320);
        Map<String, Instant> last = sessions.store().lastSignIns();
        directory.all().stream().filter(u -> email == null || u.email().equalsIgnoreCase(email))
                .forEach(u -> arr.add(UserJson.admin(u, last.get(u.id()))));
        ctx.json(out);
    }

    private void create(Context ctx) {
        Principal p = Authenticator.requireAdmin(ctx);
        ObjectNode b = requests.object(ctx);
        String name = b.path("name").isTextual() ? b.get("name").asText() : null;
        String email = UserService.normalizeEmail(b.path("email").asText(null));
        char[] password = b.has("password") ? password(b.path("password").isTextual() ? b.get("password").asText() : null, email)
                : null;
        String hash = password == null ? null : passwords.hash(password);
        UserRecord u = users.create(new UserService.NewUser(email, name, null,
                b.path("provider").asText("local"), null, b.path("isAdmin").asBoolean(false),
                b.path("isModerator").asBoolean(false)), p.userId());
        if (hash != null) {
            users.setPassword(u.id(), hash, p.userId());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("success", true);
        out.set("user", UserJson.admin(u, null).put("hasPassword", hash != null));
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
        Map<String, Instant> last = sessions.store().lastSignIns();
        all.stream().filter(u -> u.createdAt().isAfter(since)).limit(10).forEach(u -> recent.add(UserJson.admin(u, last.get(u.id()))));
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
                    throw DomainException.invalid("VALIDATION_FAILED", f + " must be true or false");
                }
                changes.set(f, b.get(f));
            }
        }
        if (b.has("name")) {
            if (!b.get("name").isTextual() || b.get("name").asText().length() > 200) {
                throw DomainException.invalid("VALIDATION_FAILED", "name must be a string of at most 200 characters");
            }
            changes.set("name", b.get("name"));
        }
        UserRecord u = users.update(ctx.pathParam("id"), changes, p.userId());
        if (!u.active()) {
            sessions.endAll(u.id(), "account deactivated");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("success", true);
        out.set("user", UserJson.admin(u, sessions.lastSignIn(u.id()).orElse(null)));
        ctx.json(out);
    }

    private void delete(Context ctx) {
        Principal p = Authenticator.requireAdmin(ctx);
        String id = ctx.pathParam("id");
        users.delete(id, p.userId());
        sessions.endAll(id, "account deleted");
        ctx.json(Map.of("success", true, "message", "User deleted"));
    }

    /** An admin sets (or resets) a user's password; the user's sessions end. */
    private void setPassword(Context ctx) {
        Principal p = Authenticator.requireAdmin(ctx);
        UserRecord u = existing(ctx.pathParam("id"));
        ObjectNode b = requests.object(ctx);
        Requests.requireOnly(b, List.of("password"), "A password reset");
        char[] password = password(b.path("password").isTextual() ? b.get("password").asText() : null, u.email());
        users.setPassword(u.id(), passwords.hash(password), p.userId());
        int ended = sessions.endAll(u.id(), "password reset by an admin");
        ctx.json(JsonNodeFactory.instance.objectNode().put("success", true).put("sessionsEnded", ended));
    }

    private void listSessions(Context ctx) {
        Authenticator.requireAdmin(ctx);
        UserRecord u = existing(ctx.pathParam("id"));
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("success", true);
        ArrayNode arr = out.putArray("sessions");
        Instant now = clock.instant();
        for (SessionStore.Session s : sessions.store().ofUser(u.id())) {
            // the id is a bearer secret's key: shown shortened, enough to tell sessions apart
            ObjectNode o = arr.addObject().put("id", s.id().substring(0, 8) + "…").put("method", s.method())
                    .put("createdAt", LogTimestamps.format(s.createdAt())).put("lastUsedAt", LogTimestamps.format(s.lastUsedAt()))
                    .put("expiresAt", LogTimestamps.format(s.expiresAt())).put("active", s.liveAt(now))
                    .put("clientAddress", s.clientAddress()).put("userAgent", s.userAgent());
            if (s.revokedAt() != null) {
                o.put("endedAt", LogTimestamps.format(s.revokedAt())).put("endReason", s.revokedReason());
            }
        }
        ctx.json(out);
    }

    /** Ends every session of a user: all their tokens stop working. */
    private void endSessions(Context ctx) {
        Principal p = Authenticator.requireAdmin(ctx);
        UserRecord u = existing(ctx.pathParam("id"));
        int ended = sessions.endAll(u.id(), "ended by " + (p.service() ? "the semiont command line" : "an admin"));
        ctx.json(JsonNodeFactory.instance.objectNode().put("success", true).put("sessionsEnded", ended));
    }

    /** 'semiont token' through a running server: a session of the user with a 7-day access token (CLI only). */
    private void cliToken(Context ctx) {
        Authenticator.requireService(ctx);
        UserRecord u = existing(ctx.pathParam("id"));
        if (!u.active()) {
            throw DomainException.conflict("User " + u.email() + " is deactivated; reactivate it first");
        }
        Sessions.Issued t = sessions.start(u, "cli", TokenRoutes.origin(ctx), org.semiont.server.auth.JwtCodec.LOGIN_TTL);
        ctx.json(TokenRoutes.authResponse(t, u, false));
    }

    private UserRecord existing(String id) {
        return directory.byId(id).orElseThrow(() -> DomainException.notFound("No user with id " + Requests.abbreviate(id)));
    }
}
