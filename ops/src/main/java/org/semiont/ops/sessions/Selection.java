package org.semiont.ops.sessions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Which sessions {@code db cancel} / {@code db terminate} aim at: named pids, or every one busy longer than a limit. */
public sealed interface Selection permits Selection.ByPid, Selection.OlderThan {
    /** Whether Semiont's own sessions may be chosen (only ever when named by pid). */
    boolean includeSemiont();

    record ByPid(List<Integer> pids, boolean includeSemiont) implements Selection {
        public ByPid {
            pids = List.copyOf(pids);
            if (pids.isEmpty()) {
                throw new IllegalArgumentException("name at least one PID");
            }
        }
    }

    /** Active sessions whose statement, and idle-in-transaction ones whose transaction, is older than {@code limit}. */
    record OlderThan(Duration limit, Optional<State> state) implements Selection {
        @Override
        public boolean includeSemiont() {
            return false;
        }
    }

    enum State {
        ACTIVE, IDLE_IN_TRANSACTION;

        boolean matches(Session s) {
            return this == ACTIVE ? s.isActive() : s.isIdleInTransaction();
        }
    }
}
