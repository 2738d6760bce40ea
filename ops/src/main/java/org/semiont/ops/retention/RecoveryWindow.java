package org.semiont.ops.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.Manifest;

/**
 * Retention as a recovery window: every backup needed to restore to any moment of the last {@code window} stays.
 * Fulls are judged by when they finished: those inside the window stay, and so does the newest one that finished
 * before it (moments just inside the window are reached from it); older fulls go. An incremental shares its
 * full's fate, since a restore of it reads its whole chain. Pure: the catalog and the time in, decisions out.
 */
public final class RecoveryWindow {
    private final Duration window;

    public RecoveryWindow(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a recovery window must be positive, got " + window);
        }
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /** One decision per backup, oldest first. */
    public List<RetentionDecision> decide(BackupCatalog catalog, Instant now) {
        Instant point = now.minus(window);
        List<Manifest> all = catalog.all();
        Map<String, RetentionDecision> fulls = new HashMap<>();
        boolean coveringKept = false;
        for (int i = all.size() - 1; i >= 0; i--) {
            Manifest m = all.get(i);
            if (m.type() != Manifest.Type.FULL) {
                continue;
            }
            if (!m.finishedAt().isBefore(point)) {
                fulls.put(m.id(), new RetentionDecision(m.id(), true, "finished inside the " + text() + " window"));
            } else if (!coveringKept) {
                coveringKept = true;
                fulls.put(m.id(), new RetentionDecision(m.id(), true, "newest full backup that finished before the window "
                        + "began (" + point + "): restores to its first moments start from it"));
            } else {
                fulls.put(m.id(), new RetentionDecision(m.id(), false, "finished before the window began (" + point
                        + ") and a newer full backup covers it"));
            }
        }
        List<RetentionDecision> out = new ArrayList<>();
        for (Manifest m : all) {
            if (m.type() == Manifest.Type.FULL) {
                out.add(fulls.get(m.id()));
                continue;
            }
            String root = catalog.rootOf(m);
            RetentionDecision r = fulls.get(root);
            if (r == null) {
                out.add(new RetentionDecision(m.id(), true, "its chain is broken (backup " + root + " has no parent in the "
                        + "target); kept for an operator to look at ('semiont backup verify' names it)"));
            } else {
                out.add(new RetentionDecision(m.id(), r.keep(), (r.keep() ? "needs" : "depends on") + " full backup " + root
                        + (r.keep() ? ", which stays" : ", which goes")));
            }
        }
        return out;
    }

    private String text() {
        long days = window.toDays();
        return days > 0 && window.equals(Duration.ofDays(days)) ? days + "d" : window.toString();
    }
}
