package org.semiont.studio.web;

import org.semiont.studio.auth.StudioSession;

/** What every page's frame needs: its title, the person signed in (or null), where the studio lives, read-only or not. */
public record Chrome(String title, StudioSession session, String base, boolean readOnly, String section, int refreshSeconds) {
    public Chrome(String title, StudioSession session, String base, boolean readOnly, String section) {
        this(title, session, base, readOnly, section, 0);
    }

    /** The same frame, reloading itself every {@code seconds} (a page watching something that runs). */
    public Chrome refreshingEvery(int seconds) {
        return new Chrome(title, session, base, readOnly, section, seconds);
    }

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
