package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.auth.JwtSecrets;
import org.semiont.server.user.UserRecord;

/** Authentication and authorization through the real API, with a local fake of Google's userinfo endpoint. */
class AuthIT {
    @TempDir
    static Path dataDir;
    static ApiServer server;
    static HttpServer google;
    static ApiClient admin;

    @BeforeAll
    static void start() throws Exception {
        google = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        google.createContext("/userinfo", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String email = auth == null ? null : Map.of("Bearer good", "gina@allowed.org", "Bearer other", "oscar@elsewhere.org")
                    .get(auth);
            byte[] body = (email == null ? "{\"error\":\"invalid_token\"}"
                    : "{\"sub\":\"g-123\",\"email\":\"" + email + "\",\"email_verified\":true,\"name\":\"Gina\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(email == null ? 401 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        google.start();
        server = ApiServer.start(dataDir, Map.of("GOOGLE_USERINFO_URL", "http://127.0.0.1:" + google.getAddress().getPort() + "/userinfo",
                "OAUTH_ALLOWED_DOMAINS", "allowed.org, example.org"));
        admin = server.user("admin@example.org", true, false);
    }

    @AfterAll
    static void stop() {
        server.close();
        google.stop(0);
    }

    @Test
    void a_request_without_a_token_gets_401_in_the_json_error_shape_but_health_needs_none() {
        ApiClient.Response r = server.anonymous().get("/api/documents");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(r.json().get("error").asText()).contains("Authorization: Bearer");
        assertThat(r.header("WWW-Authenticate")).contains("Bearer realm=\"semiont\"");
        assertThat(server.anonymous().get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void a_token_signed_with_another_secret_is_rejected() {
        String forged = new JwtCodec("another-secret-0123456789-0123456789-xyz", "semiont", Clock.systemUTC()).issueService();
        ApiClient.Response r = server.anonymous().as(forged).get("/api/status");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).contains("signature");
        assertThat(r.header("WWW-Authenticate")).contains("Bearer realm=\"semiont\", error=\"invalid_token\"");
        assertThat(server.anonymous().as("not-a-jwt").get("/api/status").status()).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_rejected_with_its_expiry_time() {
        UserRecord u = new UserRecord("c" + "x".repeat(24), "admin@example.org", null, null, "example.org", "local", null, true,
                true, false, null, null, Instant.now(), Instant.now());
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(8)), ZoneOffset.UTC);
        String old = new JwtCodec(ApiServer.SECRET, "semiont", past).issueAccess(u, "some-session", JwtCodec.LOGIN_TTL,
                Instant.now().plus(Duration.ofDays(30)));
        ApiClient.Response r = server.anonymous().as(old).get("/api/status");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).contains("expired");
    }

    @Test
    void a_deactivated_user_is_locked_out_at_once_and_cannot_sign_in_again() {
        ApiClient bob = server.user("bob@example.org", false, false);
        assertThat(bob.get("/api/users/me").status()).isEqualTo(200);
        String id = bob.get("/api/users/me").json().get("id").asText();
        assertThat(admin.send("PATCH", "/api/admin/users/" + id, Map.of("isActive", false)).status()).isEqualTo(200);
        ApiClient.Response r = bob.get("/api/users/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).contains("deactivated");
        ApiClient.Response again = server.anonymous().post("/api/tokens/password", Map.of("email", "bob@example.org",
                "password", ApiServer.PASSWORD));
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.json().get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void admin_routes_answer_403_to_a_regular_user() {
        ApiClient carol = server.user("carol@example.org", false, false);
        ApiClient.Response r = carol.get("/api/admin/users");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(carol.send("DELETE", "/api/admin/users/whoever", null).status()).isEqualTo(403);
    }

    @Test
    void password_sign_in_returns_the_auth_response_and_me_shows_the_last_login() {
        server.user("dave@example.org", false, false);
        ApiClient.Response login = server.anonymous().post("/api/tokens/password", Map.of("email", "Dave@Example.org",
                "password", ApiServer.PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        JsonNode body = login.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("isNewUser").asBoolean()).isFalse();
        assertThat(body.get("user").get("email").asText()).isEqualTo("dave@example.org");
        JsonNode me = server.anonymous().as(body.get("token").asText()).get("/api/users/me").json();
        assertThat(me.get("lastLogin").asText()).endsWith("Z");
        assertThat(me.get("termsAcceptedAt").isNull()).isTrue();
        assertThat(server.anonymous().post("/api/tokens/password", Map.of("email", "nobody@example.org", "password",
                ApiServer.PASSWORD)).status()).isEqualTo(401);
        assertThat(server.anonymous().post("/api/tokens/password", "{\"email\":").status()).isEqualTo(400);
        ApiClient.Response local = server.anonymous().post("/api/tokens/local", Map.of("email", "dave@example.org"));
        assertThat(local.status()).as("sign-in by e-mail alone is off unless ENABLE_LOCAL_AUTH=true").isEqualTo(403);
    }

    @Test
    void accepting_the_terms_is_recorded() {
        ApiClient erin = server.user("erin@example.org", false, false);
        assertThat(erin.post("/api/users/accept-terms", null).json().get("message").asText()).isEqualTo("Terms accepted");
        assertThat(erin.get("/api/users/me").json().get("termsAcceptedAt").asText()).endsWith("Z");
    }

    @Test
    void a_refresh_token_buys_a_one_hour_access_token_that_works() {
        server.user("fay@example.org", false, false);
        JsonNode login = server.anonymous().post("/api/tokens/password", Map.of("email", "fay@example.org", "password",
                ApiServer.PASSWORD)).json();
        assertThat(server.anonymous().post("/api/tokens/refresh", Map.of("refreshToken", login.get("token").asText())).status())
                .as("an access token is not a refresh token").isEqualTo(401);
        ApiClient.Response r = server.anonymous().post("/api/tokens/refresh", Map.of("refreshToken",
                login.get("refreshToken").asText()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(server.anonymous().as(r.json().get("access_token").asText()).get("/api/users/me").status()).isEqualTo(200);
        assertThat(server.anonymous().post("/api/tokens/refresh", Map.of("refreshToken", "garbage")).status()).isEqualTo(401);
    }

    @Test
    void google_sign_in_creates_the_user_once_and_only_for_allowed_domains() {
        ApiClient.Response first = server.anonymous().post("/api/tokens/google", Map.of("access_token", "good"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("isNewUser").asBoolean()).isTrue();
        assertThat(first.json().get("user").get("name").asText()).isEqualTo("Gina");
        ApiClient.Response second = server.anonymous().post("/api/tokens/google", Map.of("access_token", "good"));
        assertThat(second.json().get("isNewUser").asBoolean()).isFalse();
        assertThat(second.json().get("user").get("id")).isEqualTo(first.json().get("user").get("id"));
        assertThat(server.anonymous().post("/api/tokens/google", Map.of("access_token", "other")).status()).isEqualTo(403);
        assertThat(server.anonymous().post("/api/tokens/google", Map.of("access_token", "bad")).status()).isEqualTo(400);
    }

    @Test
    void admins_list_count_patch_and_delete_users_but_not_themselves() {
        server.user("gone@example.org", false, false);
        JsonNode users = admin.get("/api/admin/users").json().get("users");
        String goneId = null;
        for (JsonNode u : users) {
            if (u.get("email").asText().equals("gone@example.org")) {
                goneId = u.get("id").asText();
            }
        }
        assertThat(goneId).isNotNull();
        JsonNode stats = admin.get("/api/admin/users/stats").json().get("stats");
        assertThat(stats.get("totalUsers").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(stats.get("adminUsers").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode patched = admin.send("PATCH", "/api/admin/users/" + goneId, Map.of("name", "Gone Soon", "isModerator", true)).json();
        assertThat(patched.get("user").get("name").asText()).isEqualTo("Gone Soon");
        assertThat(patched.get("user").get("isModerator").asBoolean()).isTrue();
        long before = server.app().api().events().lastPosition();
        ApiClient.Response same = admin.send("PATCH", "/api/admin/users/" + goneId, Map.of("name", "Gone Soon", "isModerator", true));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("user")).isEqualTo(patched.get("user"));
        assertThat(admin.send("PATCH", "/api/admin/users/" + goneId, Map.of()).status()).isEqualTo(200);
        assertThat(server.app().api().events().lastPosition()).as("a PATCH that changes nothing writes no event").isEqualTo(before);
        ApiClient.Response ignored = admin.send("PATCH", "/api/admin/users/" + goneId, Map.of("email", "other@example.org",
                "name", "Renamed"));
        assertThat(ignored.status()).as("a field the PATCH would ignore is refused, not answered 200").isEqualTo(400);
        assertThat(ignored.json().get("error").asText()).contains("\"email\"");
        assertThat(admin.get("/api/admin/users?email=gone@example.org").json().get("users").get(0).get("name").asText())
                .as("nothing of a refused PATCH is applied").isEqualTo("Gone Soon");
        assertThat(admin.send("DELETE", "/api/admin/users/" + goneId, null).status()).isEqualTo(200);
        assertThat(admin.send("DELETE", "/api/admin/users/" + goneId, null).status()).isEqualTo(404);
        String self = admin.get("/api/users/me").json().get("id").asText();
        assertThat(admin.send("DELETE", "/api/admin/users/" + self, null).status()).isEqualTo(400);
    }

    @Test
    void the_last_active_admin_cannot_be_demoted_deactivated_or_deleted(@TempDir Path fresh) {
        try (ApiServer own = ApiServer.start(fresh)) {
            ApiClient ada = own.user("ada@example.org", true, false);
            String adaId = ada.get("/api/users/me").json().get("id").asText();
            for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("isAdmin", false), Map.of("isActive", false))) {
                ApiClient.Response r = ada.send("PATCH", "/api/admin/users/" + adaId, change);
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.json().get("error").asText()).contains("last active admin");
            }
            assertThat(own.service().send("DELETE", "/api/admin/users/" + adaId, null).status()).isEqualTo(409);
            assertThat(ada.get("/api/admin/users").status()).as("still an admin").isEqualTo(200);
            own.user("bea@example.org", true, false);
            assertThat(ada.send("PATCH", "/api/admin/users/" + adaId, Map.of("isAdmin", false)).status()).isEqualTo(200);
        }
    }

    @Test
    void without_jwt_secret_the_secret_is_generated_once_into_the_data_dir_with_mode_0600(@TempDir Path other) throws Exception {
        String first = JwtSecrets.resolve(java.util.Optional.empty(), other, true).orElseThrow();
        Path file = JwtSecrets.file(other);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.length()).isGreaterThanOrEqualTo(JwtSecrets.MIN_LENGTH);
        assertThat(JwtSecrets.resolve(java.util.Optional.empty(), other, true).orElseThrow()).isEqualTo(first);
    }

    @Test
    void a_short_jwt_secret_is_refused_with_its_length_and_how_to_make_one() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JwtSecrets.resolve(java.util.Optional.of("short"), dataDir, false))
                .hasMessageContaining("at least 32").hasMessageContaining("got 5").hasMessageContaining("openssl rand");
    }
}
