package org.semiont.studio.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.semiont.server.user.UserDirectory;
import org.semiont.server.user.UserRecord;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;

/**
 * Runs before every studio request: security headers, the session (re-checked against the user's current roles, so
 * a demoted or deactivated account is out at its next click) and, on every POST, the CSRF token and the Origin.
 */
public final class Gate {
    public static final String COOKIE = "semiont_studio";
    public static final String PRE_COOKIE = "semiont_studio_signin";
    public static final String SESSION = "studio.session";
    /** No inline script or style, nothing from elsewhere, no framing, forms only to ourselves. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private final StudioSessions sessions;
    private final UserDirectory users;
    private final String base;

    public Gate(StudioSessions sessions, UserDirectory users, String base) {
        this.sessions = sessions;
        this.users = users;
        this.base = base;
    }

    public void before(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        String path = ctx.path();
        if (path.startsWith(base + "/static/")) {
            ctx.header("Cache-Control", "private, max-age=300");
            return;
        }
        boolean post = ctx.method().name().equals("POST");
        if (post) {
            requireSameOrigin(ctx);
        }
        if (path.equals(base + "/sign-in")) {
            if (post) {
                requireToken(ctx.cookie(PRE_COOKIE), ctx.formParam("csrf"));
            }
            return;
        }
        Optional<StudioSession> session = current(ctx);
        if (session.isEmpty()) {
            if (!post && ctx.method().name().equals("GET")) {
                ctx.redirect(base + "/sign-in");
                ctx.skipRemainingHandlers();
                return;
            }
            throw new StudioException(StudioError.SIGN_IN_REQUIRED, "Sign in to use the studio");
        }
        if (post) {
            requireToken(session.get().csrf(), ctx.formParam("csrf"));
        }
        ctx.attribute(SESSION, session.get());
    }

    /** The session of this request if it is valid and its user still may use the studio. */
    Optional<StudioSession> current(Context ctx) {
        Optional<StudioSession> s = sessions.find(ctx.cookie(COOKIE));
        if (s.isEmpty()) {
            return s;
        }
        Optional<UserRecord> user = users.byId(s.get().userId());
        if (user.isEmpty() || !allowed(user.get()) || user.get().admin() != s.get().admin()) {
            sessions.close(s.get().id()); // roles changed: sign in again to get the new ones
            return Optional.empty();
        }
        return s;
    }

    static boolean allowed(UserRecord u) {
        return u.active() && (u.admin() || u.moderator());
    }

    /** A browser names the page a form was sent from; another site's page is refused (with SameSite=Strict, a second line). */
    private static void requireSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String host = ctx.header("Host");
        String bare = origin.replaceFirst("^https?://", "");
        if (host == null || !bare.equalsIgnoreCase(host)) {
            throw new StudioException(StudioError.CSRF_TOKEN_INVALID, "This form was sent from another site (" + origin + ")");
        }
    }

    static void requireToken(String expected, String sent) {
        if (expected == null || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            throw new StudioException(StudioError.CSRF_TOKEN_INVALID, "The form's security token is missing or stale; "
                    + "reload the page and send it again");
        }
    }

    public static StudioSession session(Context ctx) {
        StudioSession s = ctx.attribute(SESSION);
        if (s == null) {
            throw new StudioException(StudioError.SIGN_IN_REQUIRED, "Sign in to use the studio");
        }
        return s;
    }

    /** HttpOnly, SameSite=Strict, Secure when the studio is reached over TLS, scoped to the studio's path. */
    public Cookie cookie(Context ctx, String name, String value, int maxAge) {
        Cookie c = new Cookie(name, value);
        c.setPath(base + "/");
        c.setMaxAge(maxAge);
        c.setHttpOnly(true);
        c.setSameSite(SameSite.STRICT);
        c.setSecure("https".equalsIgnoreCase(ctx.scheme()));
        return c;
    }
}
