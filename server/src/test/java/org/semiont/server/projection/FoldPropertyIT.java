package org.semiont.server.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.semiont.events.AppendResult;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.StoredEvent;
import org.semiont.events.StreamIds;
import org.semiont.server.annotation.AnnotationFold;
import org.semiont.server.annotation.AnnotationRow;
import org.semiont.server.api.ApiServer;
import org.semiont.server.config.DatabaseTarget;
import org.semiont.server.document.DocumentFold;
import org.semiont.server.document.DocumentRow;
import org.semiont.server.testing.TestFiles;
import org.semiont.server.user.UserState;
import org.semiont.server.user.UserTable;
import org.semiont.server.util.Json;
import org.semiont.server.write.EventWriter;

/**
 * Generated sequences of every event type the projections know, appended one by one to a running server's log: after
 * each, the live row equals the domain fold of the log up to that event ({@code asOf}); after the sequence, a bulk
 * rebuild and an event-by-event replay give exactly the rows the live projector wrote. The run prints how many cases
 * reached each event type.
 */
class FoldPropertyIT {
    private static final String[] TYPES = {"user.created", "user.updated", "user.logged-in", "user.terms-accepted",
        "user.password-set", "user.deleted", "document.created", "document.cloned", "document.archived", "document.unarchived",
        "entitytag.added", "entitytag.removed", "annotation.added", "annotation.updated", "annotation.body.updated",
        "annotation.removed", "entitytype.added"};
    private static final Map<String, AtomicInteger> casesReaching = new TreeMap<>();
    private static final AtomicInteger tries = new AtomicInteger();
    private static Path dataDir;
    private static ApiServer server;
    private static EventWriter writer;

    /** One generated event: its type and two small numbers that pick the user, document, annotation and values. */
    record Step(int type, int a, int b) {
    }

    @BeforeContainer
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("fold-property");
        server = ApiServer.start(dataDir);
        writer = new EventWriter(server.app().api().events(), server.app().api().projector(), Duration.ofSeconds(30));
    }

    @AfterContainer
    static void stop() throws Exception {
        System.out.println("FoldPropertyIT: cases that reached each event type, of " + tries.get() + ": " + casesReaching);
        server.close();
        TestFiles.deleteTree(dataDir);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, TYPES.length - 1), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2)).as(Step::new).list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 12)
    void the_live_rows_are_the_folds_of_every_prefix_and_a_bulk_rebuild_gives_the_same_rows(@ForAll("steps") List<Step> steps)
            throws Exception {
        String run = "t" + tries.incrementAndGet();
        Set<String> reached = new TreeSet<>();
        DatabaseTarget db = server.app().databaseTarget();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.jdbcProperties())) {
            for (Step s : steps) {
                String type = TYPES[s.type()];
                String user = run + "-u" + s.a();
                String doc = "doc-sha256:" + run + "-d" + s.a();
                String annotation = run + "-d" + s.a() + "-a" + s.b();
                ObjectNode p = JsonNodeFactory.instance.objectNode();
                String stream;
                String documentId = null;
                if (type.startsWith("user.")) {
                    stream = "__users__";
                    p.put("userId", user);
                    userPayload(type, p, run, s);
                } else if (type.equals("entitytype.added")) {
                    stream = StreamIds.SYSTEM;
                    p.put("entityType", "Type " + s.b());
                } else {
                    stream = doc;
                    documentId = doc;
                    documentPayload(type, p, doc, annotation, s);
                }
                AppendResult r = writer.write(stream, ExpectedVersion.any(), NewEvent.of(type, documentId, run + "-u" + s.b(), p));
                StoredEvent e = r.events().get(0);
                reached.add(type);
                try {
                    assertPrefix(c, e, user, doc, annotation);
                } catch (AssertionError failure) {
                    StringBuilder log = new StringBuilder();
                    for (String st : List.of("__users__", doc)) {
                        try (var all = server.app().api().events().readStream(st, 1)) {
                            all.filter(x -> x.streamId().equals(doc) || x.event().toString().contains(run + "-"))
                                    .forEach(x -> log.append(x.position()).append(' ').append(x.event()).append('\n'));
                        }
                    }
                    throw new AssertionError(failure.getMessage() + "\nevents:\n" + log, failure);
                }
            }
        }
        reached.forEach(t -> casesReaching.computeIfAbsent(t, k -> new AtomicInteger()).incrementAndGet());
        ProjectionMaintenance m = server.app().api().maintenance();
        assertThat(m.check(ProjectionMaintenance.Mode.BULK)).as("bulk rebuild vs live rows").isEmpty();
        assertThat(m.check(ProjectionMaintenance.Mode.REPLAY)).as("replay vs live rows").isEmpty();
        // the JSON files the live path wrote are the files the rows and the log give (what a rebuild writes)
        var api = server.app().api();
        api.files().flush();
        assertThat(api.files().check(api.events(), api.events().lastPosition())).as("live JSON files vs a rebuild's").isEmpty();
    }

    private static void userPayload(String type, ObjectNode p, String run, Step s) {
        switch (type) {
            case "user.created" -> p.put("email", run + "-" + s.b() + "@example.org").put("name", s.b() == 0 ? null : "Name " + s.b())
                    .put("domain", "example.org").put("provider", "local");
            case "user.updated" -> p.putObject("changes").put("isAdmin", s.b() == 1).put("name", "Renamed " + s.b());
            case "user.password-set" -> p.put("passwordHash", "$argon2id$v=19$m=16,t=2,p=1$c2FsdA$" + s.b());
            default -> {
            }
        }
    }

    private static void documentPayload(String type, ObjectNode p, String doc, String annotation, Step s) {
        switch (type) {
            case "document.created", "document.cloned" -> {
                p.put("name", "Doc " + s.b()).put("format", "text/plain").put("contentChecksum", "sum" + s.b());
                p.putArray("entityTypes").add("Type " + s.b());
                if (type.equals("document.cloned")) {
                    p.put("parentDocumentId", "doc-sha256:parent");
                }
            }
            case "entitytag.added", "entitytag.removed" -> p.put("entityType", "Type " + s.b());
            case "annotation.added", "annotation.updated" -> {
                ObjectNode a = p.putObject("annotation").put("id", "http://localhost/annotations/" + annotation)
                        .put("motivation", s.b() == 0 ? "highlighting" : "linking");
                a.putObject("target").put("source", doc);
                a.putArray("body").addObject().put("type", "TextualBody").put("purpose", "tagging").put("value", "T" + s.b());
            }
            case "annotation.body.updated" -> {
                p.put("annotationId", annotation);
                p.putArray("operations").addObject().put("op", "add").putObject("item").put("type", "SpecificResource")
                        .put("purpose", "linking").put("source", doc);
            }
            case "annotation.removed" -> p.put("annotationId", annotation);
            default -> {
            }
        }
    }

    /** The row each kind of fold answers for, as of this event, against what the live projector wrote. */
    private static void assertPrefix(Connection c, StoredEvent e, String user, String doc, String annotation) throws Exception {
        var events = server.app().api().events();
        long at = e.position();
        Optional<DocumentRow> d = DocumentFold.asOf(events, doc, at);
        List<Object> live = one(c, "SELECT archived, array_to_string(\"entityTypes\", '|'), version::bigint, \"updatedAt\" FROM documents WHERE id = ?", doc);
        assertThat(live).as("document after " + e.type()).isEqualTo(d.map(r -> java.util.Arrays.<Object>asList(r.archived(),
                String.join("|", r.entityTypes()), r.version(), r.updatedAt())).orElse(null));
        Optional<AnnotationRow> a = new AnnotationFold(Json.mapper()).asOf(events, doc, annotation, at);
        live = one(c, "SELECT data::text, modified, array_to_string(\"linkedDocuments\", '|') FROM annotations WHERE id = ?", annotation);
        assertThat(live).as("annotation after " + e.type()).isEqualTo(a.map(r -> java.util.Arrays.<Object>asList(r.data(), r.modified(),
                String.join("|", r.linkedDocuments()))).orElse(null));
        Optional<UserState> u = UserTable.asOf(events, at).get(user);
        live = one(c, "SELECT name, \"isAdmin\", \"lastLogin\", \"updatedAt\", (SELECT \"passwordHash\" FROM user_credentials "
                + "WHERE \"userId\" = u.id) FROM users u WHERE id = ?", user);
        assertThat(live).as("user after " + e.type()).isEqualTo(u.map(r -> java.util.Arrays.<Object>asList(r.name(), r.isAdmin(),
                r.lastLogin(), r.updatedAt(), r.passwordHash())).orElse(null));
    }

    private static List<Object> one(Connection c, String sql, String key) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof java.sql.Timestamp t ? t.toLocalDateTime() : v);
                }
                return row;
            }
        }
    }
}
