package org.semiont.events.subscribe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.semiont.events.EventHandler;
import org.semiont.events.StoredEvent;
import org.semiont.events.Subscription;

/** In-process subscriptions: global and per stream. {@link #committed} is called after each commit. */
public final class SubscriptionHub implements AutoCloseable {
    private final ExecutorService executor;
    private final Set<PullSubscription> global = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<PullSubscription>> byStream = new ConcurrentHashMap<>();
    private final BatchListeners listeners = new BatchListeners("commit");

    public SubscriptionHub() {
        AtomicLong n = new AtomicLong();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "semiont-events-subscription-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Subscription subscribeAll(EventSource source, EventHandler handler) {
        PullSubscription[] holder = new PullSubscription[1];
        holder[0] = new PullSubscription("global", source, handler, executor, () -> global.remove(holder[0]));
        global.add(holder[0]);
        holder[0].signal();
        return holder[0];
    }

    public Subscription subscribeStream(String streamId, EventSource source, EventHandler handler) {
        PullSubscription[] holder = new PullSubscription[1];
        Set<PullSubscription> set = byStream.computeIfAbsent(streamId, k -> ConcurrentHashMap.newKeySet());
        holder[0] = new PullSubscription("stream " + streamId, source, handler, executor,
                () -> set.remove(holder[0]));
        set.add(holder[0]);
        holder[0].signal();
        return holder[0];
    }

    /** Hands every batch committed from now on to {@code listener}; closing the handle stops it. */
    public AutoCloseable listen(Consumer<List<StoredEvent>> listener) {
        return listeners.add(listener);
    }

    /** Gives a committed batch to the listeners and wakes the subscriptions interested in it; never blocks. */
    public void committed(List<StoredEvent> events) {
        listeners.accept(events);
        global.forEach(PullSubscription::signal);
        if (byStream.isEmpty()) {
            return;
        }
        String last = null;
        for (StoredEvent e : events) {
            if (!e.streamId().equals(last)) {
                Set<PullSubscription> subs = byStream.get(e.streamId());
                if (subs != null) {
                    subs.forEach(PullSubscription::signal);
                }
                last = e.streamId();
            }
        }
    }

    @Override
    public void close() {
        global.forEach(PullSubscription::close);
        byStream.values().forEach(s -> s.forEach(PullSubscription::close));
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
