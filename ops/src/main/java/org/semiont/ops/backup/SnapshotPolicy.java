package org.semiont.ops.backup;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which backups carry a projection snapshot. A full backup always does. An incremental does only when the events
 * since the newest snapshot of its chain are more than {@value #REPLAY_SHARE_PERCENT} % of the log: a restore replays
 * the events after the snapshot it loads, so this bounds that replay, while an incremental after a few events stays
 * small (a snapshot is as large as the projections, far more than the few log bytes an incremental adds).
 */
public final class SnapshotPolicy {
    static final int REPLAY_SHARE_PERCENT = 10;

    private SnapshotPolicy() {
    }

    /**
     * Why a backup ending at {@code end} takes a snapshot, or empty when it goes without one.
     *
     * @param parentChain the chain of its parent (full first); empty for a full backup
     */
    public static Optional<String> reason(List<Manifest> parentChain, long end) {
        if (parentChain.isEmpty()) {
            return Optional.of("a full backup carries one");
        }
        Optional<Manifest> last = newestWithSnapshot(parentChain);
        if (last.isEmpty()) {
            return Optional.of("no backup of its chain has one");
        }
        long since = end - last.get().projectionSnapshot().position();
        if (since * 100 > (long) REPLAY_SHARE_PERCENT * end) {
            return Optional.of(String.format(Locale.ROOT, "%d events since the snapshot of backup %s, over %d %% of the log", since,
                    last.get().id(), REPLAY_SHARE_PERCENT));
        }
        return Optional.empty();
    }

    /** Why an incremental goes without one (for {@code reason} empty). */
    public static String skipReason(List<Manifest> parentChain, long end) {
        Manifest last = newestWithSnapshot(parentChain).orElseThrow();
        long at = last.projectionSnapshot().position();
        return String.format(Locale.ROOT, "%d events since the snapshot of backup %s at position %d, at most %d %% of the log "
                + "(a restore replays them)", end - at, last.id(), at, REPLAY_SHARE_PERCENT);
    }

    private static Optional<Manifest> newestWithSnapshot(List<Manifest> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).projectionSnapshot() != null) {
                return Optional.of(chain.get(i));
            }
        }
        return Optional.empty();
    }
}
