package org.semiont.server.sse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.semiont.server.web.SecuredRoutes;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.events.Subscription;
import org.semiont.server.auth.Authenticator;
import org.semiont.server.auth.Principal;
import org.semiont.server.config.ConnectionLimits;
import org.semiont.server.document.DocumentEventRoutes;
import org.semiont.server.document.DocumentService;
import org.semiont.server.error.DomainException;
import org.semiont.server.logging.LogTimestamps;
import org.semiont.server.web.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/documents/{id}/events/stream}: Server-Sent Events. Each frame's id is the event's sequence
 * number, so a client reconnecting with {@code Last-Event-ID: n} gets every event after n (catch-up from the
 * log, then live, with nothing lost or repeated between the two). Keep-alive comments every 30 s.
 */
public final class DocumentStreamRoutes implements AutoCloseable {
    static final String PATH = "/api/documents/{id}/events/stream";
    private static final String FROM = "semiont.sse.from";
    private static final Logger log = LoggerFactory.getLogger(DocumentStreamRoutes.class);
    private final EventLog events;
    private final DocumentService documents;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration keepAlive;
    private final ConnectionLimits limits;
    /** Open streams, each with its user (for the per-user limit) and its subscription (to notice it failing). */
    private final Map<SseClient, Open> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "semiont-sse-keepalive");
        t.setDaemon(true);
        return t;
    });

    /**
     * An open stream. It is counted from before its first byte goes out, so a client that has seen the stream start
     * is already counted by the next connect; its subscription follows the hello (null until then: still starting).
     */
    private static final class Open {
        final String userId;
        final Principal principal;
        volatile Subscription subscription;

        Open(Principal principal) {
            this.userId = principal.userId();
            this.principal = principal;
        }
    }

    /** How often open streams are checked against their token and session (expired, signed out, user deactivated). */
    static final Duration VALIDITY_CHECK = Duration.ofSeconds(1);
    private final java.util.function.Function<Principal, java.util.Optional<String>> revoked;

    /** @param revoked why a principal that opened a stream may no longer read it, if so (its stream is then closed) */
    public DocumentStreamRoutes(EventLog events, DocumentService documents, ObjectMapper json, Clock clock, Duration keepAlive,
                                ConnectionLimits limits, java.util.function.Function<Principal, java.util.Optional<String>> revoked) {
        this.revoked = revoked;
        this.limits = limits;
        this.events = events;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
        this.keepAlive = keepAlive;
        pinger.scheduleAtFixedRate(this::ping, keepAlive.toMillis(), keepAlive.toMillis(), TimeUnit.MILLISECONDS);
        pinger.scheduleWithFixedDelay(this::closeRevoked, VALIDITY_CHECK.toMillis(), VALIDITY_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void register(SecuredRoutes routes) {
        routes.sse(PATH, this::check, this::connect);
    }

    /**
     * Everything that can fail before the stream starts, so it fails as a JSON error: the document, Last-Event-ID, the
     * stream limits, and where the stream starts (this reads the log). The limits are checked, not reserved: concurrent
     * connects may pass them by a few, which a bound against running out of descriptors allows.
     */
    private void check(Context ctx) {
        String id = ctx.pathParam("id");
        documents.require(id);
        long last = lastEventId(ctx);
        String user = Authenticator.principal(ctx).userId();
        if (clients.size() >= limits.maxEventStreams()) {
            ctx.header("Retry-After", "5");
            throw DomainException.unavailable("The server holds its most event streams ("
                    + limits.maxEventStreams() + "); retry in a moment");
        }
        long mine = clients.values().stream().filter(o -> o.userId.equals(user)).count();
        if (mine >= limits.maxEventStreamsPerUser()) {
            throw DomainException.throttled("You have " + mine + " event streams open, the most one user "
                    + "may; close one (a page that is no longer shown, say) before opening another", null);
        }
        ctx.attribute(FROM, last >= 0 ? last + 1 : events.count(id) + 1);
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
        throw DomainException.invalid("BAD_REQUEST", "Last-Event-ID must be the sequence number of the last event "
                + "received (an integer >= 0), got \"" + Requests.abbreviate(h) + "\"");
    }

    private void connect(SseClient client) {
        String id = client.ctx().pathParam("id");
        long from = client.ctx().attribute(FROM);
        client.keepAlive();
        Open open = new Open(Authenticator.principal(client.ctx()));
        clients.put(client, open);
        try {
            ObjectNode hello = JsonNodeFactory.instance.objectNode().put("type", "connected").put("documentId", id)
                    .put("timestamp", LogTimestamps.format(clock.instant())).put("message", "Event stream connected");
            // an integer id, as the original's: the sequence number the stream resumes after, so a client that
            // reconnects having seen only this frame sends a Last-Event-ID that skips nothing
            client.sendEvent("stream-connected", hello.toString(), Long.toString(from - 1));
            Subscription sub = events.subscribeStream(id, from, e -> send(client, e));
            open.subscription = sub;
            client.onClose(() -> {
                sub.close();
                clients.remove(client);
            });
        } catch (RuntimeException e) {
            // a stream that cannot start is ended, not left open with nothing coming: the client reconnects
            log.warn("event stream of {} could not start; closing it", id, e);
            clients.remove(client);
            client.close();
        }
    }

    private void send(SseClient client, StoredEvent e) throws Exception {
        if (client.terminated()) {
            throw new IllegalStateException("SSE client disconnected");
        }
        client.sendEvent(e.type(), json.writeValueAsString(DocumentEventRoutes.flattened(e)), String.valueOf(e.sequence()));
    }

    /**
     * Keep-alives, and the end of streams whose subscription failed (reading the log, say): closed, the client
     * reconnects with its Last-Event-ID and misses nothing, where an open stream would wait forever.
     */
    private void ping() {
        for (Map.Entry<SseClient, Open> entry : clients.entrySet()) {
            SseClient c = entry.getKey();
            Subscription sub = entry.getValue().subscription;
            if (sub == null) {
                continue; // still starting
            }
            try {
                if (c.terminated()) {
                    // gone without its close callback having run: nothing else would ever free its place
                    clients.remove(c);
                    sub.close();
                } else if (!sub.isActive()) {
                    clients.remove(c);
                    c.close();
                } else {
                    c.sendComment("keep-alive");
                }
            } catch (RuntimeException e) {
                clients.remove(c);
                sub.close();
            }
        }
    }

    /**
     * A stream is read with the rights its token had when it opened: once the token expires, its session ends or its
     * user is deactivated or deleted, the stream ends too, with a last comment saying why.
     */
    private void closeRevoked() {
        for (Map.Entry<SseClient, Open> entry : clients.entrySet()) {
            try {
                java.util.Optional<String> why = revoked.apply(entry.getValue().principal);
                if (why.isPresent()) {
                    SseClient c = entry.getKey();
                    clients.remove(c);
                    Subscription sub = entry.getValue().subscription;
                    if (sub != null) {
                        sub.close();
                    }
                    c.sendComment("closed: " + why.get());
                    c.close();
                }
            } catch (RuntimeException e) {
                log.debug("checking an event stream's access failed; checked again shortly", e);
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
        for (SseClient c : clients.keySet()) {
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
