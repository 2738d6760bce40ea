package org.semiont.studio.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.semiont.server.auth.PasswordCheck;
import org.semiont.server.error.DomainException;
import org.semiont.server.user.UserRecord;
import org.semiont.studio.auth.Gate;
import org.semiont.studio.auth.StudioSession;
import org.semiont.studio.auth.StudioSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-in with a password account (the API's check: throttled, Argon2id), sign-out. */
final class SignInRoutes {
    private static final Logger log = LoggerFactory.getLogger("org.semiont.studio.audit");
    private final Frame frame;
    private final Gate gate;
    private final StudioSessions sessions;
    private final PasswordCheck passwords;

    SignInRoutes(Frame frame, Gate gate, StudioSessions sessions, PasswordCheck passwords) {
        this.frame = frame;
        this.gate = gate;
        this.sessions = sessions;
        this.passwords = passwords;
    }

    void register(RoutesConfig routes) {
        routes.get(frame.base + "/sign-in", this::form);
        routes.post(frame.base + "/sign-in", this::signIn);
        routes.post(frame.base + "/sign-out", this::signOut);
    }

    private void form(Context ctx) {
        show(ctx, null, "", 200);
    }

    private void show(Context ctx, String error, String email, int status) {
        String token = sessions.token();
        ctx.cookie(gate.cookie(ctx, Gate.PRE_COOKIE, token, 3600));
        ctx.status(status);
        frame.views.render(ctx, "signin.jte", new Pages.SignIn(frame.chrome(ctx, "Sign in", "signin"), error, email, token));
    }

    private void signIn(Context ctx) {
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").trim();
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        UserRecord user;
        try {
            user = passwords.signIn(email, password.toCharArray(), ctx.ip());
        } catch (DomainException e) {
            int status = e.kind() == DomainException.Kind.THROTTLED ? 429 : 401;
            show(ctx, status == 429 ? e.getMessage() : "Wrong e-mail or password", email, status);
            return;
        }
        if (!user.admin() && !user.moderator()) {
            log.warn("studio sign-in refused for {} ({}): neither admin nor moderator", user.email(), user.id());
            show(ctx, "This account may not use the studio: it is for admins (edit) and moderators (browse)", email, 403);
            return;
        }
        StudioSession s = sessions.open(user);
        log.info("studio sign-in by {} ({}) as {}", user.email(), user.id(), s.role());
        ctx.cookie(gate.cookie(ctx, Gate.COOKIE, s.id(), -1));
        ctx.removeCookie(Gate.PRE_COOKIE, frame.base + "/");
        ctx.redirect(frame.base + "/", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        sessions.close(ctx.cookie(Gate.COOKIE));
        ctx.removeCookie(Gate.COOKIE, frame.base + "/");
        ctx.redirect(frame.base + "/sign-in", HttpStatus.SEE_OTHER);
    }
}
