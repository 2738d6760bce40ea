package org.semiont.server.health;

import java.util.concurrent.atomic.AtomicReference;

/** Where the server is in its life: starting, ready, stopping. */
public final class Readiness {
    public enum Phase { STARTING, READY, STOPPING }

    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STARTING);

    public Phase phase() {
        return phase.get();
    }

    public void ready() {
        phase.compareAndSet(Phase.STARTING, Phase.READY);
    }

    public void stopping() {
        phase.set(Phase.STOPPING);
    }
}
