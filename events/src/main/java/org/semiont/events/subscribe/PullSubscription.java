package org.semiont.events.subscribe;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.semiont.events.EventHandler;
import org.semiont.events.StoredEvent;
import org.semiont.events.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers by pulling from its source on the hub's executor whenever it is signalled. Catch-up
 * and live delivery are the same loop, so nothing is missed or repeated between them; appenders
 * only bump a counter, so a slow handler delays nobody but itself.
 */
final class PullSubscription implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(PullSubscription.class);

    private final String name;
    private final EventSource source;
    private final EventHandler handler;
    private final Executor executor;
    private final Runnable onClose;
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean active = true;
    private volatile Throwable failure;

    PullSubscription(String name, EventSource source, EventHandler handler, Executor executor, Runnable onClose) {
        this.name = name;
        this.source = source;
        this.handler = handler;
        this.executor = executor;
        this.onClose = onClose;
    }

    void signal() {
        if (active && wip.getAndIncrement() == 0) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        int missed = 1;
        do {
            missed = wip.get();
            deliverAvailable();
        } while (active && wip.addAndGet(-missed) != 0);
        if (!active) {
            source.close();
        }
    }

    private void deliverAvailable() {
        try {
            StoredEvent e;
            while (active && (e = source.next()) != null) {
                handler.handle(e);
            }
        } catch (Exception | Error e) {
            LOG.warn("subscription {} stopped: its handler or source failed", name, e);
            failure = e;
            close();
        }
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public long nextToDeliver() {
        return source.cursor();
    }

    @Override
    public void close() {
        if (active) {
            active = false;
            onClose.run();
            if (wip.getAndIncrement() == 0) {
                source.close();
            }
        }
    }
}
