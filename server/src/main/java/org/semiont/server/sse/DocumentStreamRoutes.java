package org.semiont.server.sse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.semiont.server.rest.SecuredRoutes;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.events.Subscription;
import org.semiont.server.document.DocumentEventRoutes;
import org.semiont.server.document.DocumentService;
import org.semiont.server.http.ApiError;
import org.semiont.server.http.ApiException;
import org.semiont.server.logging.LogTimestamps;

/**
 * {@code GET /api/documents/{id}/events/stream}: Server-Sent Events. Each frame's id is the event's sequence
 * number, so a client reconnecting with {@code Last-Event-ID: n} gets every event after n (catch-up from the
 * log, then live, with nothing lost or repeated between the two). Keep-alive comments every 30 s.
 */
public final class DocumentStreamRoutes implements AutoCloseable {
    static final String PATH = "/api/documents/{id}/events/stream";
    private final EventLog events;
    private final DocumentService documents;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration keepAlive;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "semiont-sse-keepalive");
        t.setDaemon(true);
        return t;
    });

    public DocumentStreamRoutes(EventLog events, DocumentService documents, ObjectMapper json, Clock clock, Duration keepAlive) {
        this.events = events;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
        this.keepAlive = keepAlive;
        pinger.scheduleAtFixedRate(this::ping, keepAlive.toMillis(), keepAlive.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void register(SecuredRoutes routes) {
        routes.sse(PATH, this::check, this::connect);
    }

    private void check(Context ctx) {
        documents.require(ctx.pathParam("id"));
        lastEventId(ctx);
    }

    private static long lastEventId(Context ctx) {
        String h = ctx.header("Last-Event-ID");
        if (h == null || h.isBlank()) {
            return -1;
        }
        try {
            long n = Long.parseLong(h.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(ApiError.BAD_REQUEST, "Last-Event-ID must be the sequence number of the last event "
                + "received (an integer >= 0), got \"" + h + "\"");
    }

    private void connect(SseClient client) {
        String id = client.ctx().pathParam("id");
        long last = lastEventId(client.ctx());
        long from = last >= 0 ? last + 1 : events.count(id) + 1;
        client.keepAlive();
        clients.add(client);
        ObjectNode hello = JsonNodeFactory.instance.objectNode().put("type", "connected").put("documentId", id)
                .put("timestamp", LogTimestamps.format(clock.instant())).put("message", "Event stream connected");
        client.sendEvent("stream-connected", hello.toString(), null);
        Subscription sub = events.subscribeStream(id, from, e -> send(client, e));
        client.onClose(() -> {
            sub.close();
            clients.remove(client);
        });
    }

    private void send(SseClient client, StoredEvent e) throws Exception {
        if (client.terminated()) {
            throw new IllegalStateException("SSE client disconnected");
        }
        client.sendEvent(e.type(), json.writeValueAsString(DocumentEventRoutes.flattened(e)), String.valueOf(e.sequence()));
    }

    private void ping() {
        for (SseClient c : clients) {
            try {
                if (!c.terminated()) {
                    c.sendComment("keep-alive");
                }
            } catch (RuntimeException e) {
                clients.remove(c);
            }
        }
    }

    public Map<String, Integer> stats() {
        return Map.of("clients", clients.size());
    }

    /**
     * Ends open streams before the HTTP server stops. A client that already went away is only noticed on a
     * write, so probe each one first: completing a stream whose request Jetty has recycled must be avoided.
     */
    @Override
    public void close() {
        pinger.shutdownNow();
        for (SseClient c : clients) {
            try {
                c.sendComment("server stopping");
                if (!c.terminated()) {
                    c.close();
                }
            } catch (RuntimeException e) {
                // the connection is gone; Jetty cleans it up
            }
        }
        clients.clear();
    }
}
