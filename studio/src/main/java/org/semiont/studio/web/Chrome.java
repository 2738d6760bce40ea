package org.semiont.studio.web;

import org.semiont.studio.auth.StudioSession;

/** What every page's frame needs: its title, the person signed in (or null), where the studio lives, read-only or not. */
public record Chrome(String title, StudioSession session, String base, boolean readOnly, String section) {
    public boolean signedIn() {
        return session != null;
    }

    public String csrf() {
        return session == null ? "" : session.csrf();
    }

    /** Whether forms that write are shown (the server refuses writes on its own either way). */
    public boolean mayWrite() {
        return session != null && session.mayWrite() && !readOnly;
    }

    public String link(String path) {
        return base + path;
    }
}
