package org.semiont.server.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.semiont.server.testing.TestFiles;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.api.ApiClient;
import org.semiont.server.api.ApiServer;
import org.semiont.server.annotation.AnnotationProjection;
import org.semiont.server.document.DocumentProjection;
import org.semiont.server.entitytype.EntityTypeProjection;
import org.semiont.server.user.UserProjection;
import org.semiont.server.config.DatabaseTarget;
import org.semiont.server.projection.ProjectionMaintenance.Mode;

/**
 * The bulk rebuild (fold + COPY) must give exactly the rows the incremental projector wrote for a varied
 * log: users created, changed, logged in, accepting terms, deleted; documents created, tagged, untagged, archived, unarchived;
 * annotations added, replaced (W3C protocol PUT), body-updated and removed; entity types; text that needs COPY escaping.
 */
class BulkRebuildIT {
    /** Tab, newline, carriage return, backslash, quotes, braces and commas: all special to COPY or arrays. */
    static final String AWKWARD = "Tab\there, \"quoted\" {braced}\\back\\slash\r\nnew line — ü";

    /** Every projected table, in the order the rows are compared. */
    static final List<ProjectedTable> TABLES = Stream.of(UserProjection.TABLES, DocumentProjection.TABLES,
            AnnotationProjection.TABLES, EntityTypeProjection.TABLES).flatMap(List::stream).toList();

    @TempDir
    Path dataDir;

    @Test
    void bulk_rebuild_gives_the_same_rows_as_the_incremental_projector_and_a_failed_one_changes_nothing() throws Exception {
        try (ApiServer server = ApiServer.start(dataDir)) {
            writeVariedEvents(server);
            ProjectionMaintenance m = server.app().api().maintenance();
            DatabaseTarget db = server.app().databaseTarget();
            List<String> incremental = rows(db);
            assertThat(incremental).hasSizeGreaterThan(20);

            assertThat(m.check(Mode.REPLAY)).as("replay vs incremental").isEmpty();
            assertThat(m.check(Mode.BULK)).as("bulk vs incremental").isEmpty();
            TestFiles.deleteTree(dataDir.resolve("projections/documents"));
            ProjectionMaintenance.RebuildResult r = m.rebuild(n -> { });
            assertThat(r.events()).isEqualTo(server.app().api().events().lastPosition());
            assertThat(rows(db)).containsExactlyElementsOf(incremental);
            assertThat(m.check(Mode.REPLAY)).as("replay vs bulk-rebuilt").isEmpty();

            sql(db, "UPDATE documents SET name = 'tampered' WHERE name = 'Plain'");
            assertThat(m.check()).extracting(ProjectionMaintenance.Drift::table).containsExactly("documents");
            sql(db, "UPDATE documents SET name = 'Plain' WHERE name = 'tampered'");

            sql(db, "ALTER TABLE annotations ADD CONSTRAINT no_rebuild CHECK (motivation <> 'highlighting') NOT VALID");
            assertThatThrownBy(() -> m.rebuild(n -> { })).isInstanceOf(ProjectionException.class).hasMessageContaining("no_rebuild");
            assertThat(rows(db)).as("a failed rebuild leaves the old rows and checkpoint").containsExactlyElementsOf(incremental);
            sql(db, "ALTER TABLE annotations DROP CONSTRAINT no_rebuild");

            ApiClient alice = server.signIn("alice@example.org");
            assertThat(alice.get("/api/documents?archived=true").json().get("documents")).hasSize(1);
        }
        assertThat(Files.exists(dataDir.resolve("projections/entity-types/entity-types.json"))).isTrue();
        try (Stream<Path> files = Files.walk(dataDir.resolve("projections/documents"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".json"))).as("document files written again by the rebuild").hasSize(2);
        }
    }

    /**
     * A window of one annotation row: every row goes to the table as soon as the next one is added, so each later
     * body update, replacement and removal takes its row back from the table (the memory bound at work).
     */
    @Test
    void bulk_rebuild_holding_one_annotation_row_at_a_time_gives_the_same_rows() throws Exception {
        try (ApiServer server = ApiServer.start(dataDir)) {
            writeVariedEvents(server);
            ProjectionMaintenance m = server.app().api().maintenance().withAnnotationWindow(1);
            DatabaseTarget db = server.app().databaseTarget();
            List<String> incremental = rows(db);

            assertThat(m.check(Mode.BULK)).as("bulk, one row held, vs incremental").isEmpty();
            m.rebuild(n -> { });
            assertThat(rows(db)).containsExactlyElementsOf(incremental);

            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.jdbcProperties())) {
                c.setAutoCommit(false);
                sql(c, "DELETE FROM annotations; DELETE FROM documents; DELETE FROM user_credentials; DELETE FROM users; DELETE FROM entity_types");
                BulkRebuild.Result r = new BulkRebuild(server.app().api().events(), m.projections(), false, 1, SkippedEvents.none())
                        .run(c, server.app().api().events().lastPosition(), n -> { });
                c.rollback();
                assertThat(r.rowsTakenBack()).as("body updates and a replacement of rows already in the table")
                        .isGreaterThanOrEqualTo(4);
            }
        }
    }

    private static void writeVariedEvents(ApiServer server) {
        ApiClient alice = server.user("alice@example.org", false, false);
        ApiClient mod = server.user("mod@example.org", false, true);
        ApiClient admin = server.user("admin@example.org", true, false);
        String bobId = server.service().post("/api/admin/users", Map.of("email", "bob@example.org", "name", ""))
                .json().get("user").get("id").asText();
        assertThat(admin.send("PATCH", "/api/admin/users/" + bobId, Map.of("isModerator", true, "isActive", false)).status())
                .isEqualTo(200);
        String carolId = server.service().post("/api/admin/users", Map.of("email", "carol@example.org", "name", "Carol"))
                .json().get("user").get("id").asText();
        assertThat(alice.post("/api/users/accept-terms", Map.of()).status()).isEqualTo(200);
        assertThat(mod.post("/api/entity-types/bulk", Map.of("tags", List.of("Animal", "Plant", "Odd, \"one\""))).status())
                .isEqualTo(200);
        String plain = ApiServer.createDocument(alice, "Plain", "Alice met Bob.").get("id").asText();
        String awkward = ApiServer.createDocument(alice, AWKWARD, "Alice\tmet\nBob.").get("id").asText();
        patch(alice, plain, Map.of("archived", true, "entityTypes", List.of("Animal", "Odd, \"one\"")));
        patch(alice, awkward, Map.of("archived", true));
        patch(alice, awkward, Map.of("archived", false, "entityTypes", List.of("Plant")));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(shortId(alice.post("/api/annotations", highlight(i % 2 == 0 ? plain : awkward)).json()));
        }
        ids.add(shortId(mod.post("/api/annotations", Map.of("motivation", "linking", "target", Map.of("source", plain),
                "body", List.of(Map.of("type", "SpecificResource", "source", awkward, "purpose", "linking")))).json()));
        Map<String, Object> tag = Map.of("type", "TextualBody", "value", "Animal", "purpose", "tagging");
        Map<String, Object> note = Map.of("type", "TextualBody", "value", AWKWARD, "purpose", "commenting");
        body(alice, ids.get(0), List.of(Map.of("op", "add", "item", tag), Map.of("op", "add", "item", note)));
        body(alice, ids.get(1), List.of(Map.of("op", "add", "item", note)));
        body(alice, ids.get(1), List.of(Map.of("op", "replace", "oldItem", note, "newItem", tag)));
        body(alice, ids.get(2), List.of(Map.of("op", "add", "item", tag)));
        body(alice, ids.get(2), List.of(Map.of("op", "remove", "item", tag)));
        assertThat(alice.send("DELETE", "/api/annotations/" + ids.get(3), null).status()).isEqualTo(204);
        replace(alice, ids.get(4), Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation", "motivation",
                "commenting", "target", Map.of("source", plain), "body", List.of(note)));
        assertThat(admin.send("DELETE", "/api/admin/users/" + carolId, null).status()).isEqualTo(200);
        server.signIn("mod@example.org");
    }

    private static Map<String, Object> highlight(String documentId) {
        return Map.of("motivation", "highlighting", "target", Map.of("source", documentId, "selector", List.of(
                Map.of("type", "TextPositionSelector", "start", 0, "end", 5),
                Map.of("type", "TextQuoteSelector", "exact", "Alice"))), "body", List.of());
    }

    /** {@code PUT} on the W3C protocol container: an {@code annotation.updated} event. */
    private static void replace(ApiClient c, String id, Map<String, Object> annotation) {
        String etag = c.get("/annotations/" + id).header("ETag").orElseThrow();
        byte[] json = new ObjectMapper().valueToTree(annotation).toString()
                .getBytes(StandardCharsets.UTF_8);
        ApiClient.Response r = c.sendBytes("PUT", "/annotations/" + id, json,
                "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"", "If-Match", etag);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static void patch(ApiClient c, String doc, Map<String, Object> changes) {
        ApiClient.Response r = c.send("PATCH", "/api/documents/" + doc, changes);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static void body(ApiClient c, String id, List<Map<String, Object>> operations) {
        ApiClient.Response r = c.send("PUT", "/api/annotations/" + id + "/body", Map.of("operations", operations));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static String shortId(com.fasterxml.jackson.databind.JsonNode created) {
        String iri = created.get("annotation").get("id").asText();
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    /**
     * Every projected row and the projector's checkpoint, as JSON text in a stable order. Not the files' checkpoint:
     * it follows the paced file writer, which runs whenever it likes.
     */
    private static List<String> rows(DatabaseTarget t) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.jdbcProperties()); Statement s = c.createStatement()) {
            for (ProjectedTable table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT row_to_json(x)::text FROM " + table.name() + " x ORDER BY " + table.key())) {
                    while (rs.next()) {
                        out.add(table.name() + " " + rs.getString(1));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT name, position FROM projection_checkpoints "
                    + "WHERE name <> 'files' ORDER BY name")) {
                while (rs.next()) {
                    out.add("checkpoint " + rs.getString(1) + " " + rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static void sql(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void sql(DatabaseTarget t, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.jdbcProperties()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
