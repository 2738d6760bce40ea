package org.semiont.studio.web;

import io.javalin.http.Context;
import org.semiont.studio.StudioException;
import org.semiont.studio.auth.Gate;
import org.semiont.studio.auth.StudioSession;

/** Page frames and the one place refusals become pages (status, stable code, message, a way back). */
final class Frame {
    final String base;
    final boolean readOnly;
    final Views views;

    Frame(String base, boolean readOnly, Views views) {
        this.base = base;
        this.readOnly = readOnly;
        this.views = views;
    }

    Chrome chrome(Context ctx, String title, String section) {
        StudioSession s = ctx.attribute(Gate.SESSION);
        return new Chrome(title, s, base, readOnly, section);
    }

    void refuse(StudioException e, Context ctx) {
        String back = base + "/"; // never a header's value: a link built from one could point anywhere
        ctx.status(e.error().status());
        views.render(ctx, "message.jte", new Pages.Message(chrome(ctx, title(e), "models"), e.error().status(),
                e.error().name(), e.getMessage(), back));
    }

    private static String title(StudioException e) {
        switch (e.error()) {
            case EDIT_CONFLICT:
                return "Conflict: the row changed meanwhile";
            case READ_ONLY:
                return "Read-only";
            case NOT_ALLOWED:
            case CSRF_TOKEN_INVALID:
            case NOT_EVENT_SOURCED_HERE:
                return "Not allowed";
            case SIGN_IN_REQUIRED:
            case SIGN_IN_FAILED:
                return "Sign in";
            default:
                return "Cannot do that";
        }
    }

    /** Only admins edit; moderators browse. */
    void requireAdmin(Context ctx) {
        StudioSession s = Gate.session(ctx);
        if (!s.mayWrite()) {
            throw new StudioException(org.semiont.studio.StudioError.NOT_ALLOWED, s.email() + " is a moderator: moderators "
                    + "browse, only admins edit");
        }
    }

    /**
     * For edits through the domain, which write the event log rather than PostgreSQL: refused here in read-only mode.
     * Direct edits need no such check: they run in READ ONLY transactions then, and PostgreSQL refuses them.
     */
    void requireDomainWrites(Context ctx) {
        requireAdmin(ctx);
        if (readOnly) {
            throw new StudioException(org.semiont.studio.StudioError.READ_ONLY, "The studio runs read-only (--read-only): "
                    + "nothing is changed");
        }
    }
}
