package org.semiont.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.semiont.events.EventLog;
import org.semiont.events.EventsError;
import org.semiont.events.EventsException;
import org.semiont.schema.generate.DefaultGenerators;
import org.semiont.schema.generate.GeneratedDefault;
import org.semiont.server.annotation.AnnotationRepository;
import org.semiont.server.annotation.AnnotationRoutes;
import org.semiont.server.annotation.AnnotationService;
import org.semiont.server.auth.AuthSettings;
import org.semiont.server.auth.Authenticator;
import org.semiont.server.auth.GoogleSignIn;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.auth.PasswordCheck;
import org.semiont.server.auth.PasswordHasher;
import org.semiont.server.auth.SessionStore;
import org.semiont.server.auth.Sessions;
import org.semiont.server.auth.SignInThrottle;
import org.semiont.server.auth.TokenRoutes;
import org.semiont.server.auth.UserRoutes;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.document.ContentStore;
import org.semiont.server.document.DocumentEventRoutes;
import org.semiont.server.document.DocumentFiles;
import org.semiont.server.document.DocumentLocks;
import org.semiont.server.document.DocumentRepository;
import org.semiont.server.document.DocumentRoutes;
import org.semiont.server.document.DocumentService;
import org.semiont.server.entitytype.EntityTypeRoutes;
import org.semiont.server.entitytype.EntityTypeService;
import org.semiont.server.openapi.OpenApiRoutes;
import org.semiont.server.write.EventWriter;
import org.semiont.server.projection.ProjectionMaintenance;
import org.semiont.server.projection.Projector;
import org.semiont.server.protocol.AnnotationContainerRoutes;
import org.semiont.server.web.EventLogErrors;
import org.semiont.server.web.Requests;
import org.semiont.server.web.SecuredRoutes;
import org.semiont.server.sse.DocumentStreamRoutes;
import org.semiont.server.user.UserDirectory;
import org.semiont.server.user.UserService;

/**
 * The knowledge-base API in one piece: projections, services and routes over one pool and one event log.
 * {@link #start()} catches the projections up before the server reports ready; {@link #register} adds the
 * routes; {@link #close()} stops the projector and flushes projection files.
 */
public final class ApiModule implements AutoCloseable {
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    static final int CONTAINER_PAGE_SIZE = 20;
    /** How often the start-up catch-up looks whether the projection is stopped at an event. */
    static final Duration CATCH_UP_SLICE = Duration.ofMillis(200);
    /** Attempts at an event the projection cannot apply before the start gives up and names it. */
    static final int START_ATTEMPTS = 3;
    private final EventLog events;
    private final Projector projector;
    private final DocumentFiles files;
    private final EntityTypeService entityTypes;
    private final DocumentStreamRoutes streams;
    private final List<java.util.function.Consumer<SecuredRoutes>> routeSets;
    private final Authenticator authenticator;
    private final ProjectionMaintenance maintenance;
    private final DomainServices services;

    /** @param schemaState the startup schema sync's result ("in-sync" or "pending-changes"), reported by /api/status */
    public ApiModule(DataSource pool, EventLog events, ServerConfig config, AuthSettings auth, ObjectMapper json, Clock clock,
                     java.util.function.Supplier<String> schemaState) {
        this.events = events;
        DefaultGenerators ids = new DefaultGenerators(clock, new java.security.SecureRandom());
        StandardProjections std = StandardProjections.create(pool, config.dataDir(), json);
        UserDirectory directory = std.users();
        DocumentRepository documents = std.documents();
        AnnotationRepository annotations = std.annotations();
        files = std.files();
        projector = new Projector(pool, events, std.projections(), clock);
        maintenance = new ProjectionMaintenance(pool, events, std.projections(), clock);
        EventWriter writer = new EventWriter(events, projector, WRITE_TIMEOUT);
        UserService users = new UserService(directory, writer, () -> (String) ids.generate(new GeneratedDefault(GeneratedDefault.Kind.CUID, 0)));
        JwtCodec jwt = new JwtCodec(auth.secret(), auth.previousSecret(), auth.issuer(), clock);
        SessionStore sessionStore = new SessionStore(pool, clock);
        authenticator = new Authenticator(jwt, directory, sessionStore, clock);
        Sessions sessions = new Sessions(sessionStore, jwt, authenticator, directory, clock);
        PasswordCheck passwords = new PasswordCheck(users, new PasswordHasher(PasswordHasher.DEFAULT), new SignInThrottle(clock, auth.signInsPerMinute()),
                sessionStore, clock);
        Requests requests = new Requests(json);
        DocumentLocks locks = new DocumentLocks(1024);
        ContentStore content = new ContentStore(config.dataDir());
        DocumentService docs = new DocumentService(writer, documents, content, locks, auth.editPolicy());
        AnnotationService anns = new AnnotationService(writer, annotations, documents, locks,
                () -> (String) ids.generate(new GeneratedDefault(GeneratedDefault.Kind.NANOID, 21)), config.baseUrl(),
                auth.editPolicy(), clock);
        entityTypes = new EntityTypeService(pool, writer);
        services = new DomainServices(pool, events, users, directory, docs, anns, passwords);
        streams = new DocumentStreamRoutes(events, docs, json, clock, config.sseKeepAlive(), config.limits(), authenticator::revoked);
        routeSets = List.of(
                new TokenRoutes(auth, users, new GoogleSignIn(auth, users, json), requests, sessions, passwords)::register,
                new UserRoutes(users, directory, requests, clock, sessions, passwords)::register,
                new DocumentRoutes(docs, documents, annotations, content, requests)::register,
                new DocumentEventRoutes(events, docs)::register,
                streams::register,
                new AnnotationRoutes(anns, annotations, documents, requests)::register,
                new EntityTypeRoutes(entityTypes, requests)::register,
                new AnnotationContainerRoutes(anns, annotations, requests, config.baseUrl(), CONTAINER_PAGE_SIZE)::register,
                new StatusRoutes(schemaState)::register,
                new ProjectionRoutes(projector, events, new org.semiont.server.projection.ProjectionSkips(events, clock), requests)::register,
                new OpenApiRoutes(json, config.baseUrl())::register);
    }

    /**
     * Starts the projector, waits until it has applied the whole log, bootstraps entity types. An event the projection
     * cannot apply stops the start after a few attempts, naming the event and the way out, rather than waiting the
     * whole timeout; an interrupt (SIGTERM during start-up) ends the wait at once.
     */
    public void start(Duration catchUpTimeout) {
        rebuildIfRulesChanged();
        projector.start();
        long target = events.lastPosition();
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        try {
            while (!projector.awaitApplied(target, CATCH_UP_SLICE)) {
                java.util.Optional<org.semiont.server.projection.BlockedEvent> blocked = projector.blocked();
                if (blocked.isPresent() && blocked.get().attempts() >= START_ATTEMPTS) {
                    throw new IllegalStateException(stoppedAt(blocked.get()));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The projections did not catch up with the event log within " + catchUpTimeout
                            + " (at " + projector.appliedPosition() + " of " + target + "): " + projector.lastFailure());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while catching up the projections", e);
        }
        entityTypes.bootstrapIfEmpty();
        files.start(events, projector::appliedPosition);
    }

    /** Rows written by older projection rules are rebuilt from the log before anything reads them. */
    private void rebuildIfRulesChanged() {
        if (!maintenance.rulesChanged()) {
            return;
        }
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiModule.class);
        log.warn("The projection rules changed since these projections were written (now version {}): rebuilding them from "
                + "the event log before serving", org.semiont.server.projection.ProjectionRules.VERSION);
        ProjectionMaintenance.RebuildResult r = maintenance.rebuild(n -> { });
        files.flush();
        log.info("Rebuilt the projections from {} events in {} ms", r.events(), r.millis());
    }

    private static String stoppedAt(org.semiont.server.projection.BlockedEvent b) {
        return "The projection cannot apply the event at global position " + b.position() + " (" + b.type() + " in stream "
                + b.streamId() + ", id " + b.eventId() + "): " + b.failure() + ". The event stays in the log. Fix the cause "
                + "and start again, or record the decision to leave it out of the projections with: " + b.command();
    }

    public void register(RoutesConfig routes) {
        EventLogErrors.register(routes);
        SecuredRoutes secured = new SecuredRoutes(routes, authenticator::handle);
        routeSets.forEach(r -> r.accept(secured));
    }

    /**
     * Why writes cannot succeed now, for health and readiness: the event log stopped after a storage failure (only a
     * restart recovers it) or the projector is retrying a failed batch. The causes are in the server log; these words
     * go to unauthenticated callers, so they name no paths or database errors.
     */
    public Optional<String> writesBlocked() {
        try {
            events.checkWritable();
        } catch (EventsException e) {
            return Optional.of(e.error() == EventsError.LOG_CLOSED ? "the event log is closed (the server is stopping)"
                    : "the event log stopped after a storage failure; restart the server (its log has the cause)");
        }
        Optional<org.semiont.server.projection.BlockedEvent> stopped = projector.blocked();
        if (stopped.isPresent()) {
            return Optional.of("the projection is stopped at the event at global position " + stopped.get().position()
                    + " (" + stopped.get().type() + "), which it cannot apply; 'semiont projections status' names it and "
                    + "the way out");
        }
        if (projector.lastFailure() != null) {
            return Optional.of("the projection is retrying the events after position " + projector.appliedPosition()
                    + " (its log has the cause)");
        }
        return Optional.empty();
    }

    public DocumentFiles files() {
        return files;
    }

    public Projector projector() {
        return projector;
    }

    /** Rebuild and check over the live pool and log (for checks while idle, and tests). */
    public ProjectionMaintenance maintenance() {
        return maintenance;
    }

    public EventLog events() {
        return events;
    }

    /** The services behind the routes, for extensions that edit through the domain. */
    public DomainServices services() {
        return services;
    }

    /** Open event streams (SSE), for metrics. */
    public int eventStreamClients() {
        return streams.stats().get("clients");
    }

    /** Ends the SSE streams; call before the HTTP server stops so its graceful stop is not held up by them. */
    public void stopStreams() {
        streams.close();
    }

    @Override
    public void close() {
        streams.close();
        projector.close();
        files.close();
    }
}
