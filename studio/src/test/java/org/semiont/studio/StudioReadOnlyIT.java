package org.semiont.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.api.ApiClient;
import org.semiont.server.api.ApiServer;
import org.semiont.studio.browse.Cursors;

/** {@code --read-only}: the server refuses writes, whatever a page sends; PostgreSQL itself refuses direct ones. */
class StudioReadOnlyIT {
    @TempDir
    static Path dataDir;
    static StudioServer server;
    static Browser browser;
    static String documentId;

    @BeforeAll
    static void start() {
        server = StudioServer.start(dataDir, true);
        server.user("admin@example.org", true, false);
        documentId = ApiServer.createDocument(server.api("admin@example.org"), "Gamma", "Carol met Dan.").get("id").asText();
        server.sql("CREATE TABLE widgets (id TEXT PRIMARY KEY, name TEXT NOT NULL)", "INSERT INTO widgets VALUES ('w1', 'first')");
        browser = new Browser(1280, 800);
        browser.signIn(server.studio(), "admin@example.org");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void a_direct_write_runs_in_a_read_only_transaction_and_postgresql_refuses_it() throws Exception {
        browser.open(server.studio() + "/m/widgets/row?k=" + Cursors.encode(List.of("w1")));
        assertThat(browser.text("#read-only-badge")).isEqualTo("read-only");
        assertThat(browser.all("#update-form")).isEmpty();
        assertThat(browser.all("#new-row")).isEmpty();
        HttpResponse<String> r = session().post(server.studio() + "/m/widgets/update", Map.of("csrf", csrf(),
                "k", Cursors.encode(List.of("w1")), "version", "any", "v.name", "written"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("READ_ONLY").contains("PostgreSQL refused");
        HttpResponse<String> insert = session().post(server.studio() + "/m/widgets/insert", Map.of("csrf", csrf(),
                "v.id", "w2", "v.name", "new"));
        assertThat(insert.statusCode()).isEqualTo(403);
        assertThat(names()).containsExactly("first");
    }

    @Test
    void an_edit_through_the_domain_is_refused_and_no_event_is_appended() {
        browser.open(server.studio() + "/m/documents/row?k=" + Cursors.encode(List.of(documentId)));
        assertThat(browser.all("#document-form")).isEmpty();
        long before = server.app().api().events().lastPosition();
        HttpResponse<String> r = session().post(server.studio() + "/m/documents/patch", Map.of("csrf", csrf(),
                "k", Cursors.encode(List.of(documentId)), "version", "any", "archived", "1"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("READ_ONLY");
        assertThat(server.app().api().events().lastPosition()).isEqualTo(before);
        ApiClient api = server.api("admin@example.org");
        assertThat(api.get("/api/documents/" + documentId).json().path("document").path("archived").asBoolean()).isFalse();
    }

    static StudioHttp session() {
        return new StudioHttp(browser.driver.manage().getCookieNamed("semiont_studio").getValue());
    }

    static String csrf() {
        return browser.find("header form input[name='csrf']").getAttribute("value");
    }

    static List<String> names() throws Exception {
        try (Connection c = server.pool().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT name FROM widgets ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
