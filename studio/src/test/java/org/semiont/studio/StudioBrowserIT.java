package org.semiont.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.semiont.events.StoredEvent;
import org.semiont.server.annotation.AnnotationEvents;
import org.semiont.server.user.UserEvents;
import org.semiont.server.api.ApiClient;
import org.semiont.server.api.ApiServer;
import org.semiont.studio.browse.Cursors;

/** The studio in headless Chromium: sign-in, browsing, relations, paging, edits, conflicts and who may do what. */
class StudioBrowserIT {
    static final int BULK_ROWS = 100_000;
    @TempDir
    static Path dataDir;
    static StudioServer server;
    static Browser browser;
    static String adminId;
    static String docA;
    static String docB;

    @BeforeAll
    static void start() {
        server = StudioServer.start(dataDir, false);
        adminId = server.user("admin@example.org", true, false);
        server.user("mod@example.org", false, true);
        server.user("user@example.org", false, false);
        ApiClient admin = server.api("admin@example.org");
        docA = ApiServer.createDocument(admin, "Alpha", "Alice met Bob.").get("id").asText();
        docB = ApiServer.createDocument(admin, "Beta", "Bob met Alice.").get("id").asText();
        for (int i = 0; i < 3; i++) {
            annotate(admin, "tagging", List.of(Map.of("type", "TextualBody", "value", "tag-" + i, "purpose", "tagging")));
        }
        for (int i = 0; i < 2; i++) {
            annotate(admin, "commenting", List.of(Map.of("type", "TextualBody", "value", "needle", "purpose", "commenting")));
        }
        annotate(admin, "linking", List.of(Map.of("type", "SpecificResource", "source", docB, "purpose", "linking")));
        server.sql("CREATE TABLE widgets (id TEXT PRIMARY KEY, name TEXT NOT NULL, qty INTEGER, meta JSONB)",
                "INSERT INTO widgets VALUES ('w1', 'first', 1, '{\"color\": \"red\"}')",
                "CREATE TABLE bulk_rows (id BIGINT PRIMARY KEY, label TEXT NOT NULL, n INTEGER NOT NULL)",
                "INSERT INTO bulk_rows SELECT g, 'row ' || g, g % 997 FROM generate_series(1, " + BULK_ROWS + ") g");
        browser = new Browser(1280, 800);
    }

    static void annotate(ApiClient c, String motivation, List<Map<String, Object>> body) {
        ApiClient.Response r = c.post("/api/annotations", Map.of("motivation", motivation, "target", Map.of("source", docA,
                "selector", Map.of("type", "TextQuoteSelector", "exact", "Alice")), "body", body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @BeforeEach
    void signInAsAdmin() {
        signInAs("admin@example.org");
    }

    static void signInAs(String email) {
        browser.open(server.studio() + "/");
        browser.driver.manage().deleteAllCookies();
        browser.signIn(server.studio(), email);
    }

    @Test
    void the_model_list_shows_every_model_of_the_live_schema_with_row_counts_and_the_teams_own() {
        assertThat(browser.text("#who")).contains("admin@example.org").contains("admin");
        Map<String, List<String>> models = browser.all("#models tbody tr").stream().collect(Collectors.toMap(
                tr -> tr.getAttribute("data-model"), tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()));
        assertThat(models).containsKeys("annotations", "documents", "users", "entity_types", "widgets", "bulk_rows");
        assertThat(models.get("annotations").get(1)).isEqualTo("6");
        assertThat(models.get("documents").get(1)).isEqualTo("2");
        assertThat(models.get("bulk_rows").get(1)).isEqualTo("100,000");
        assertThat(models.get("widgets").get(3)).contains("team's own");
        assertThat(models.get("annotations").get(3)).contains("event-sourced");
        browser.screenshot("models");
    }

    @Test
    void annotations_filter_by_motivation_and_by_a_json_path_with_the_values_bound() {
        browser.go("#models a.model-link[href$='/m/annotations']");
        assertThat(browser.text("#model-title")).isEqualTo("annotations");
        assertThat(browser.all("#rows tbody tr")).hasSize(6);
        addFilter("motivation", "eq", "tagging", "");
        assertThat(columnValues("motivation")).containsExactly("tagging", "tagging", "tagging");

        browser.open(server.studio() + "/m/annotations");
        addFilter("body", "path", "needle", "$[*].value");
        assertThat(browser.all("#rows tbody tr")).hasSize(2);
        assertThat(columnValues("motivation")).containsOnly("commenting");
        browser.find("#sql-ran summary").click();
        String sql = browser.text("#sql-ran pre");
        assertThat(sql.lines().findFirst().orElseThrow()).contains("jsonb_path_query").doesNotContain("needle");
        assertThat(sql).contains("'needle'"); // shown among the bound values
        browser.screenshot("table-filtered", "#filters-panel");
    }

    @Test
    void a_column_can_be_hidden_and_any_column_sorts() {
        browser.open(server.studio() + "/m/widgets");
        browser.find("#columns-panel summary").click();
        browser.find("#columns-form input[data-column='meta']").click();
        browser.go("#apply-columns");
        assertThat(browser.all("#rows thead th[data-column]").stream().map(e -> e.getAttribute("data-column")).toList())
                .containsExactly("id", "name", "qty");
        browser.open(server.studio() + "/m/documents");
        browser.go("#rows a.sort[data-sort='name']");
        browser.go("#rows a.sort[data-sort='name']");
        assertThat(columnValues("name")).containsExactly("Beta", "Alpha");
    }

    @Test
    void a_row_links_to_its_document_and_the_document_to_its_annotations_and_backlinks() {
        browser.open(server.studio() + "/m/annotations?fc=motivation&fo=eq&fv=linking");
        browser.go("#rows a.open-row");
        assertThat(browser.all("#events tbody tr")).isNotEmpty();
        assertThat(browser.text("#events tbody tr .event-type")).isEqualTo(AnnotationEvents.ADDED);
        assertThat(browser.all("#events td.ok")).hasSize(browser.all("#events tbody tr").size());
        browser.screenshot("row-with-events", "section.relations");
        browser.go("a.relation[data-relation='documentId']");
        assertThat(browser.text("tr[data-field='name'] td")).isEqualTo("Alpha");
        assertThat(browser.all("#events tbody tr").stream().map(tr -> tr.findElement(By.cssSelector(".event-type")).getText()))
                .contains("document.created");
        browser.go(browser.driver.findElement(By.linkText("annotations by documentId")));
        assertThat(browser.all("#rows tbody tr")).hasSize(6);

        browser.open(server.studio() + "/m/documents/row?k=" + Cursors.encode(List.of(docB)));
        browser.go(browser.driver.findElement(By.partialLinkText("backlinks")));
        assertThat(columnValues("motivation")).containsExactly("linking");
    }

    @Test
    void paging_through_100k_rows_visits_every_row_once_in_the_sorted_order() throws Exception {
        browser.open(server.studio() + "/m/bulk_rows?sort=n&desc=1&limit=500");
        List<String> seen = new ArrayList<>(columnValues("id"));
        for (int page = 0; page < 4; page++) {
            browser.go("#next-page");
            seen.addAll(columnValues("id"));
        }
        assertThat(seen).hasSize(2500).doesNotHaveDuplicates()
                .isEqualTo(ids("SELECT id FROM bulk_rows ORDER BY n DESC, id LIMIT 2500"));

        browser.open(server.studio() + "/m/bulk_rows?limit=500&after=" + Cursors.encode(List.of("99800")));
        List<String> last = columnValues("id");
        assertThat(last).hasSize(200).startsWith("99801").endsWith("100000");
        assertThat(browser.all("#next-page")).isEmpty();
    }

    @Test
    void editing_an_annotation_body_appends_an_event_and_the_row_follows() throws Exception {
        browser.open(server.studio() + "/m/annotations?fc=motivation&fo=eq&fv=tagging&limit=1");
        assertThat(browser.all("#rows a.open-row")).as(browser.driver.getPageSource()).isNotEmpty();
        browser.go("#rows a.open-row");
        String id = browser.text("tr[data-field='id'] td");
        long before = server.app().api().events().lastPosition();
        WebElement editor = browser.find("#body-editor");
        editor.clear();
        editor.sendKeys("[{\"type\": \"TextualBody\", \"value\": \"edited-in-studio\", \"purpose\": \"tagging\"}]");
        browser.go("#save-body");
        assertThat(browser.text("#notice")).contains(AnnotationEvents.BODY_UPDATED);
        assertThat(browser.text("tr[data-field='body'] td")).contains("edited-in-studio");
        assertThat(browser.all("#events .event-type").stream().map(WebElement::getText)).contains(AnnotationEvents.BODY_UPDATED);

        List<StoredEvent> appended;
        try (var s = server.app().api().events().readAll(before + 1)) {
            appended = s.toList();
        }
        assertThat(appended).hasSize(1);
        assertThat(appended.get(0).type()).isEqualTo(AnnotationEvents.BODY_UPDATED);
        assertThat(appended.get(0).userId()).isEqualTo(adminId);
        assertThat(appended.get(0).eventJson()).contains(id);
        assertThat(ids("SELECT body::text FROM annotations WHERE id = '" + id + "'").get(0)).contains("edited-in-studio");
    }

    @Test
    void archiving_and_retyping_a_document_appends_the_domain_events_and_a_moderator_flag_changes_a_user() throws Exception {
        browser.open(server.studio() + "/m/documents/row?k=" + Cursors.encode(List.of(docB)));
        browser.find("#archived").click();
        WebElement types = browser.find("#entity-types");
        types.clear();
        types.sendKeys("Person, Location");
        browser.go("#save-document");
        assertThat(browser.text("#notice")).contains("changed through the domain");
        assertThat(browser.all("#events .event-type").stream().map(WebElement::getText))
                .contains("document.archived", "entitytag.added");
        assertThat(ids("SELECT archived || ':' || array_to_string(\"entityTypes\", ',') FROM documents WHERE id = '" + docB + "'"))
                .containsExactly("true:Person,Location");

        String userId = ids("SELECT id FROM users WHERE email = 'user@example.org'").get(0);
        browser.open(server.studio() + "/m/users/row?k=" + Cursors.encode(List.of(userId)));
        browser.find("#user-form input[name='isModerator']").click();
        browser.go("#save-user");
        assertThat(browser.text("#notice")).contains("changed through the domain");
        assertThat(browser.all("#events .event-type").stream().map(WebElement::getText)).contains("user.updated");
        assertThat(ids("SELECT \"isModerator\"::text FROM users WHERE id = '" + userId + "'")).containsExactly("true");
        server.api("admin@example.org").send("PATCH", "/api/admin/users/" + userId, Map.of("isModerator", false));
    }

    @Test
    void a_teams_own_rows_are_inserted_updated_and_deleted_directly() throws Exception {
        browser.open(server.studio() + "/m/widgets");
        browser.go("#new-row");
        browser.find("#insert-form input[data-edit='id']").sendKeys("w2");
        browser.find("#insert-form input[data-edit='name']").sendKeys("second");
        browser.find("#insert-form input[data-edit='qty']").sendKeys("5");
        browser.go("#insert-row");
        assertThat(browser.text("#notice")).contains("Inserted");
        assertThat(ids("SELECT name || ':' || qty || ':' || (meta IS NULL) FROM widgets WHERE id = 'w2'")).containsExactly("second:5:true");

        WebElement name = browser.find("#update-form input[data-edit='name']");
        name.clear();
        name.sendKeys("renamed");
        browser.go("#save-row");
        assertThat(browser.text("#notice")).contains("Updated");
        assertThat(ids("SELECT name FROM widgets WHERE id = 'w2'")).containsExactly("renamed");

        browser.markPage();
        browser.find("#delete-row").click();
        browser.driver.switchTo().alert().accept();
        browser.awaitNewPage();
        assertThat(browser.text("#model-title")).isEqualTo("widgets");
        assertThat(ids("SELECT id FROM widgets WHERE id = 'w2'")).isEmpty();
    }

    @Test
    void a_row_changed_meanwhile_is_a_conflict_the_user_sees_and_nothing_is_overwritten() throws Exception {
        browser.open(server.studio() + "/m/widgets/row?k=" + Cursors.encode(List.of("w1")));
        server.sql("UPDATE widgets SET name = 'changed-elsewhere' WHERE id = 'w1'");
        WebElement name = browser.find("#update-form input[data-edit='name']");
        name.clear();
        name.sendKeys("mine");
        browser.go("#save-row");
        assertThat(browser.find("#message").getAttribute("data-code")).isEqualTo("EDIT_CONFLICT");
        assertThat(browser.text("#error-text")).contains("changed since you opened it");
        browser.screenshot("conflict");
        assertThat(ids("SELECT name FROM widgets WHERE id = 'w1'")).containsExactly("changed-elsewhere");
    }

    @Test
    void a_moderator_browses_but_every_write_is_refused() throws Exception {
        signInAs("mod@example.org");
        assertThat(browser.text("#who")).contains("moderator");
        browser.open(server.studio() + "/m/widgets/row?k=" + Cursors.encode(List.of("w1")));
        assertThat(browser.all("#update-form")).isEmpty();
        String before = ids("SELECT name FROM widgets WHERE id = 'w1'").get(0);
        HttpResponse<String> r = session().post(server.studio() + "/m/widgets/update", Map.of("csrf", csrf(),
                "k", Cursors.encode(List.of("w1")), "version", "x", "v.name", "by-moderator"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("NOT_ALLOWED");
        assertThat(ids("SELECT name FROM widgets WHERE id = 'w1'")).containsExactly(before);
    }

    @Test
    void a_normal_user_and_an_anonymous_visitor_are_refused() {
        browser.go("#sign-out");
        browser.signIn(server.studio(), "user@example.org");
        assertThat(browser.text("#signin-error")).contains("may not use the studio");
        assertThat(browser.driver.manage().getCookieNamed("semiont_studio")).isNull();
        browser.signIn(server.studio(), "admin@example.org-not");
        assertThat(browser.text("#signin-error")).contains("Wrong e-mail or password");

        HttpResponse<String> page = StudioHttp.anonymous().get(server.studio() + "/m/annotations");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/studio/sign-in");
        HttpResponse<String> write = StudioHttp.anonymous().post(server.studio() + "/m/widgets/delete", Map.of("k",
                Cursors.encode(List.of("w1")), "version", "x", "csrf", "guess"));
        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(write.body()).contains("SIGN_IN_REQUIRED");
    }

    @Test
    void a_post_without_the_csrf_token_or_from_another_site_is_refused() throws Exception {
        browser.open(server.studio() + "/m/widgets/row?k=" + Cursors.encode(List.of("w1")));
        String version = browser.find("#update-form input[name='version']").getAttribute("value");
        Map<String, String> form = Map.of("k", Cursors.encode(List.of("w1")), "version", version, "v.name", "forged");
        HttpResponse<String> none = session().post(server.studio() + "/m/widgets/update", form);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("CSRF_TOKEN_INVALID");
        Map<String, String> wrong = new java.util.HashMap<>(form);
        wrong.put("csrf", "not-the-token");
        assertThat(session().post(server.studio() + "/m/widgets/update", wrong).statusCode()).isEqualTo(403);
        assertThat(ids("SELECT name FROM widgets WHERE id = 'w1'")).doesNotContain("forged");
        HttpResponse<String> page = session().get(server.studio() + "/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(browser.driver.manage().getCookieNamed("semiont_studio").isHttpOnly()).isTrue();
        assertThat(browser.driver.manage().getCookieNamed("semiont_studio").getSameSite()).isEqualTo("Strict");
    }

    @Test
    void the_log_page_lists_events_and_runs_verify_and_the_schema_and_health_pages_show() {
        browser.open(server.studio() + "/log");
        assertThat(browser.all("#events tbody tr")).isNotEmpty();
        new Select(browser.find("#log-filter select[name='stream']")).selectByValue(docA);
        browser.find("#log-filter input[name='type']").sendKeys(AnnotationEvents.ADDED);
        browser.go("#filter-log");
        assertThat(browser.all("#events .event-type").stream().map(WebElement::getText)).isNotEmpty()
                .allMatch(AnnotationEvents.ADDED::equals);
        browser.screenshot("log");
        browser.go("#verify");
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("verify-result")).isEmpty());
        assertThat(browser.text("#verify-result")).startsWith("Clean");
        assertThat(browser.find("#verify-progress").getAttribute("value")).isEqualTo("100");
        long streams = server.app().api().events().streamIds().size();
        long events = server.app().api().events().lastPosition();
        assertThat(browser.text("#verify-counts")).startsWith("100 %").contains(streams + " of " + streams + " streams")
                .contains(events + " of " + events + " events");
        browser.screenshot("verify");
        browser.open(server.studio() + "/log");
        assertThat(browser.text("#last-verify")).isEqualTo("clean");
        browser.open(server.studio() + "/schema");
        assertThat(browser.text("#pulled")).contains("model Annotation").contains("widgets");
        assertThat(browser.text("#drift")).contains("differences");
        browser.screenshot("schema");
        browser.open(server.studio() + "/health");
        assertThat(browser.text("#health-json")).contains("\"status\"");
        Map<String, String> metrics = browser.all("#key-metrics tr").stream().collect(Collectors.toMap(
                tr -> tr.getAttribute("data-metric"), tr -> tr.findElement(By.tagName("td")).getText()));
        assertThat(Long.parseLong(metrics.get("requests").split(" ")[0])).isGreaterThan(10);
        assertThat(metrics.get("p99")).startsWith("≤ ");
        assertThat(metrics.get("log-position")).isEqualTo(String.format(java.util.Locale.ROOT, "%,d",
                server.app().api().events().lastPosition()));
        assertThat(metrics).containsKeys("lag-events", "in-flight").doesNotContainKey("backup");
        assertThat(metrics.entrySet()).anySatisfy(e -> assertThat(e.getKey()).startsWith("pool-"))
                .allSatisfy(e -> assertThat(e.getValue()).isNotBlank());
        browser.screenshot("health");
    }

    @Test
    void the_time_slider_shows_an_annotation_before_its_body_edit_before_it_existed_and_once_deleted() throws Exception {
        ApiClient.Response created = server.api("admin@example.org").post("/api/annotations", Map.of("motivation", "highlighting",
                "target", Map.of("source", docA, "selector", Map.of("type", "TextQuoteSelector", "exact", "Bob")),
                "body", List.of(Map.of("type", "TextualBody", "value", "slider-original", "purpose", "commenting"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = ids("SELECT id FROM annotations WHERE body::text LIKE '%slider-original%'").get(0);
        String rowUrl = server.studio() + "/m/annotations/row?k=" + Cursors.encode(List.of(id));
        browser.open(rowUrl);
        assertThat(browser.find("#at-slider").getAttribute("value")).isEqualTo("1");
        WebElement editor = browser.find("#body-editor");
        editor.clear();
        editor.sendKeys("[{\"type\": \"TextualBody\", \"value\": \"slider-edited\", \"purpose\": \"commenting\"}]");
        browser.go("#save-body");
        assertThat(browser.text("#notice")).contains(AnnotationEvents.BODY_UPDATED);
        assertThat(browser.find("#at-slider").getAttribute("max")).isEqualTo("2");
        assertThat(browser.find("#at-slider").getAttribute("value")).isEqualTo("2");
        assertThat(absent("#fields tr.changed")).isTrue();

        browser.find("#at-slider").sendKeys(Keys.ARROW_LEFT); // the script shows the step the slider stops at
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("step=1"));
        assertThat(browser.text("#as-of-state")).contains("right after " + AnnotationEvents.ADDED);
        assertThat(browser.text("tr[data-field='body'] td")).contains("slider-original").doesNotContain("slider-edited");
        List<String> changed = browser.all("#fields tr.changed").stream().map(tr -> tr.getAttribute("data-field")).toList();
        assertThat(changed).contains("body", "modified").doesNotContain("id", "documentId", "motivation", "created", "target");
        assertThat(browser.find("tr[data-now='body'] pre").getAttribute("textContent")).contains("slider-edited");
        assertThat(absent("#body-form")).as("the past is not edited").isTrue();
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1250));
        try {
            browser.screenshot("time-slider", "#timeline");
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        }

        browser.find("#at-slider").sendKeys(Keys.HOME);
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("step=0"));
        assertThat(browser.text("#as-of-state")).startsWith("Not created yet");
        assertThat(absent("#fields tr")).isTrue();
        browser.go("#step-next"); // a plain link (?at=<global position>): no script needed
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("&at="));
        assertThat(browser.text("tr[data-field='body'] td")).contains("slider-original");
        browser.go("#at-now");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("&at="));
        assertThat(browser.text("tr[data-field='body'] td")).contains("slider-edited");
        assertThat(absent("#step-next")).isTrue();

        // the folds' last step is the live row, column for column, for a document and a user too
        long end = server.app().api().events().lastPosition();
        for (String url : List.of(rowUrl, server.studio() + "/m/documents/row?k=" + Cursors.encode(List.of(docA)),
                server.studio() + "/m/users/row?k=" + Cursors.encode(List.of(adminId)))) {
            browser.open(url + "&at=" + end);
            assertThat(browser.find("#as-of-state").getAttribute("data-state")).isEqualTo("present");
            assertThat(absent("#fields tr.changed")).as(url + " " + browser.all("#fields tr.changed").stream()
                    .map(WebElement::getText).toList() + " now " + browser.all("#fields tr.now pre").stream()
                    .map(e -> e.getAttribute("textContent")).toList()).isTrue();
            assertThat(browser.all("#fields tr")).hasSizeGreaterThan(1);
            assertThat(browser.driver.getPageSource()).as("password hashes are not shown").doesNotContain("$argon2");
            if (url.contains("/m/users/")) {
                assertThat(browser.all("#events .event-type").stream().map(WebElement::getText)).contains(UserEvents.PASSWORD_SET);
            }
        }
        browser.open(server.studio() + "/m/documents/row?k=" + Cursors.encode(List.of(docA)) + "&step=0");
        assertThat(browser.text("#as-of-state")).startsWith("Not created yet");
        browser.open(rowUrl);
        browser.markPage();
        browser.find("#remove-annotation").click();
        browser.driver.switchTo().alert().accept();
        browser.awaitNewPage();
        assertThat(browser.text("#model-title")).isEqualTo("annotations");
        browser.open(rowUrl);
        assertThat(browser.text("#as-of-state")).startsWith("Deleted by " + AnnotationEvents.REMOVED);
        assertThat(browser.find("#at-slider").getAttribute("max")).isEqualTo("3");
        browser.go("#step-prev");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("&at="));
        assertThat(browser.text("tr[data-field='body'] td")).contains("slider-edited");
    }

    @Test
    void the_model_list_and_a_row_fit_a_phone_screen() {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.open(server.studio() + "/");
            assertThat(pageWidth()).isLessThanOrEqualTo(390);
            browser.screenshot("models-phone");
            browser.open(server.studio() + "/m/widgets/row?k=" + Cursors.encode(List.of("w1")));
            assertThat(pageWidth()).isLessThanOrEqualTo(390);
            for (String page : List.of("log", "health")) {
                browser.open(server.studio() + "/" + page);
                assertThat(pageWidth()).as(page).isLessThanOrEqualTo(390);
                browser.screenshot(page + "-phone");
            }
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        }
    }

    /** Whether nothing matches on the page as it is (no implicit wait for it to appear). */
    static boolean absent(String css) {
        browser.driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.all(css).isEmpty();
        } finally {
            browser.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        }
    }

    static long pageWidth() {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "return document.documentElement.scrollWidth");
    }

    static void addFilter(String column, String op, String value, String path) {
        WebElement panel = browser.find("#filters-panel");
        if (panel.getAttribute("open") == null) {
            panel.findElement(By.tagName("summary")).click();
        }
        List<WebElement> rows = browser.all("#filter-form .filter-row");
        WebElement row = rows.get(rows.size() - 1);
        new Select(row.findElement(By.name("fc"))).selectByValue(column);
        new Select(row.findElement(By.name("fo"))).selectByValue(op);
        row.findElement(By.name("fv")).sendKeys(value);
        row.findElement(By.name("fp")).sendKeys(path);
        browser.go("#apply-filters");
    }

    static List<String> columnValues(String column) {
        List<WebElement> heads = browser.all("#rows thead th");
        int index = -1;
        for (int i = 0; i < heads.size(); i++) {
            if (column.equals(heads.get(i).getAttribute("data-column"))) {
                index = i;
            }
        }
        assertThat(index).as("column " + column + " shown").isPositive();
        int col = index + 1;
        return browser.all("#rows tbody tr td:nth-child(" + col + ")").stream().map(WebElement::getText).toList();
    }

    static StudioHttp session() {
        return new StudioHttp(browser.driver.manage().getCookieNamed("semiont_studio").getValue());
    }

    static String csrf() {
        return browser.find("header form input[name='csrf']").getAttribute("value");
    }

    static List<String> ids(String sql) throws Exception {
        try (Connection c = server.pool().getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

}
