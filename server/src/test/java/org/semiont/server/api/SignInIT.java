package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password sign-in, sessions, refresh rotation, logout and ending sessions, through the real API. */
class SignInIT {
    @TempDir
    static Path dataDir;
    static ApiServer server;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir);
        admin = server.user("admin@example.org", true, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient.Response password(String email, String password) {
        return server.anonymous().post("/api/tokens/password", Map.of("email", email, "password", password));
    }

    @Test
    void an_unknown_account_and_a_wrong_password_get_the_same_answer() {
        server.user("ann@example.org", false, false);
        ApiClient.Response wrong = password("ann@example.org", "not the password at all");
        ApiClient.Response unknown = password("nobody@example.org", "not the password at all");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.body()).doesNotContain("ann@example.org");
        assertThat(password("ann@example.org", ApiServer.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void a_password_is_checked_against_the_rules_and_stored_only_as_an_argon2id_hash() {
        ApiClient.Response weak = server.service().post("/api/admin/users", Map.of("email", "weak@example.org", "password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("error").asText()).contains("at least 12");
        ApiClient.Response ok = server.service().post("/api/admin/users", Map.of("email", "strong@example.org",
                "password", "a long enough passphrase"));
        assertThat(ok.status()).isEqualTo(201);
        String log;
        try (var lines = server.app().api().events().readStream("__users__", 1)) {
            log = lines.map(org.semiont.events.StoredEvent::lineJson).collect(java.util.stream.Collectors.joining("\n"));
        }
        assertThat(log).doesNotContain("a long enough passphrase").contains("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(admin.get("/api/admin/users").body()).doesNotContain("argon2");
    }

    @Test
    void a_refresh_token_rotates_and_a_reused_one_ends_the_session() {
        server.user("rita@example.org", false, false);
        JsonNode login = password("rita@example.org", ApiServer.PASSWORD).json();
        String first = login.get("refreshToken").asText();
        JsonNode renewed = server.anonymous().post("/api/tokens/refresh", Map.of("refreshToken", first)).json();
        String access = renewed.get("access_token").asText();
        assertThat(renewed.get("refresh_token").asText()).isNotEqualTo(first);
        assertThat(renewed.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(server.anonymous().as(access).get("/api/users/me").status()).isEqualTo(200);
        ApiClient.Response reuse = server.anonymous().post("/api/tokens/refresh", Map.of("refreshToken", first));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().get("error").asText()).contains("already used");
        assertThat(server.anonymous().as(access).get("/api/users/me").status()).as("the whole session ended").isEqualTo(401);
        assertThat(server.anonymous().post("/api/tokens/refresh", Map.of("refreshToken",
                renewed.get("refresh_token").asText())).status()).isEqualTo(401);
        assertThat(server.anonymous().as(first).get("/api/users/me").status()).as("a refresh token is no access token")
                .isEqualTo(401);
    }

    @Test
    void logout_ends_the_session_and_only_that_one() {
        server.user("lou@example.org", false, false);
        ApiClient laptop = server.signIn("lou@example.org");
        JsonNode phone = password("lou@example.org", ApiServer.PASSWORD).json();
        assertThat(laptop.post("/api/users/logout", null).status()).isEqualTo(200);
        assertThat(laptop.get("/api/users/me").status()).isEqualTo(401);
        assertThat(server.anonymous().as(phone.get("token").asText()).get("/api/users/me").status()).isEqualTo(200);
        assertThat(server.anonymous().post("/api/tokens/refresh", Map.of("refreshToken", phone.get("refreshToken").asText()))
                .status()).isEqualTo(200);
    }

    @Test
    void an_admin_ends_all_of_a_users_sessions_and_a_password_change_ends_the_others() {
        ApiClient one = server.user("sam@example.org", false, false);
        ApiClient two = server.signIn("sam@example.org");
        String id = one.get("/api/users/me").json().get("id").asText();
        ApiClient.Response ended = admin.send("DELETE", "/api/admin/users/" + id + "/sessions", null);
        assertThat(ended.json().get("sessionsEnded").asInt()).isEqualTo(2);
        assertThat(one.get("/api/users/me").status()).isEqualTo(401);
        assertThat(two.get("/api/users/me").status()).isEqualTo(401);
        assertThat(admin.get("/api/admin/users/" + id + "/sessions").json().get("sessions").get(0).get("endReason").asText())
                .contains("ended by an admin");

        ApiClient a = server.signIn("sam@example.org");
        ApiClient b = server.signIn("sam@example.org");
        assertThat(a.send("PUT", "/api/users/me/password", Map.of("currentPassword", "wrong wrong wrong",
                "newPassword", "another long passphrase")).status()).isEqualTo(403);
        ApiClient.Response changed = a.send("PUT", "/api/users/me/password", Map.of("currentPassword", ApiServer.PASSWORD,
                "newPassword", "another long passphrase"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(a.get("/api/users/me").status()).isEqualTo(200);
        assertThat(b.get("/api/users/me").status()).isEqualTo(401);
        assertThat(password("sam@example.org", ApiServer.PASSWORD).status()).isEqualTo(401);
        assertThat(password("sam@example.org", "another long passphrase").status()).isEqualTo(200);
    }

    @Test
    void an_event_stream_ends_when_its_session_does() throws Exception {
        ApiClient cat = server.user("cat@example.org", false, false);
        String doc = ApiServer.createDocument(cat, "Streamed for a while", "Cat sat.").get("id").asText();
        try (EventStreamIT.SseReader sse = new EventStreamIT.SseReader(server.url() + "/api/documents/" + doc + "/events/stream",
                cat.token(), null)) {
            assertThat(sse.next().event()).isEqualTo("stream-connected");
            cat.post("/api/users/logout", null);
            long t0 = System.nanoTime();
            assertThatThrownBy(sse::next).hasMessageContaining("stream ended");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void what_other_users_see_of_a_creator_is_a_display_name_never_an_email() {
        ApiClient.Response made = server.service().post("/api/admin/users", Map.of("email", "noname@example.org",
                "password", ApiServer.PASSWORD));
        assertThat(made.status()).isEqualTo(201);
        ApiClient noName = server.signIn("noname@example.org");
        String doc = ApiServer.createDocument(noName, "By someone", "Text of someone.").get("id").asText();
        assertThat(noName.post("/api/annotations", Map.of("motivation", "highlighting", "target", doc)).status()).isEqualTo(201);
        ApiClient other = server.user("other@example.org", false, false);
        String seen = other.get("/api/documents/" + doc).body();
        assertThat(seen).contains("\"name\":\"noname\"").doesNotContain("noname@example.org");
        assertThat(noName.get("/api/users/me").json().get("name").asText()).isEqualTo("noname");
    }

    @Test
    void sign_ins_are_throttled_per_address_with_retry_after(@TempDir Path other) {
        try (ApiServer strict = ApiServer.start(other, Map.of("SEMIONT_SIGNIN_RATE", "3"))) {
            int throttled = 0;
            for (int i = 0; i < 5; i++) {
                ApiClient.Response r = strict.anonymous().post("/api/tokens/password", Map.of("email", "x" + i + "@example.org",
                        "password", "whatever whatever"));
                if (r.status() == 429) {
                    throttled++;
                    assertThat(r.header("Retry-After")).isPresent();
                    assertThat(r.json().get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
                } else {
                    assertThat(r.status()).isEqualTo(401);
                }
            }
            assertThat(throttled).isEqualTo(2);
        }
    }

    @Test
    void sign_in_by_email_alone_needs_enable_local_auth_and_then_answers_alike_for_unknown_and_deactivated(@TempDir Path other) {
        try (ApiServer dev = ApiServer.start(other, Map.of("ENABLE_LOCAL_AUTH", "true"))) {
            dev.user("dev@example.org", false, false);
            ApiClient.Response ok = dev.anonymous().post("/api/tokens/local", Map.of("email", "dev@example.org"));
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().get("refreshToken").asText()).isNotBlank();
            ApiClient.Response unknown = dev.anonymous().post("/api/tokens/local", Map.of("email", "ghost@example.org"));
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(unknown.body()).doesNotContain("ghost@example.org");
        }
    }
}
