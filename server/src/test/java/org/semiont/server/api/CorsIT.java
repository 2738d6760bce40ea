package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A browser page on a CORS_ORIGIN origin may call the API (bearer token, W3C protocol headers readable); others not. */
class CorsIT {
    private static final String FRONTEND = "http://localhost:3000";
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(Map.of("CORS_ORIGIN", FRONTEND + ", https://kb.example.org"));

    @Test
    void a_preflight_from_an_allowed_origin_allows_the_method_and_the_authorization_header() {
        for (String path : new String[] {"/api/annotations", "/annotations/", "/api/documents/doc-sha256:0/content"}) {
            ApiClient.Response r = SERVER.server().anonymous().send("OPTIONS", path, null, "Origin", FRONTEND,
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
            assertThat(r.status()).as(path + " " + r.body()).isBetween(200, 204);
            assertThat(r.header("Access-Control-Allow-Origin")).as(path).contains(FRONTEND);
            assertThat(r.header("Access-Control-Allow-Credentials")).contains("true");
            assertThat(r.header("Access-Control-Allow-Methods").orElse("")).contains("POST");
            assertThat(r.header("Access-Control-Allow-Headers").orElse("").toLowerCase()).contains("authorization");
        }
    }

    @Test
    void answers_to_an_allowed_origin_name_it_and_expose_the_protocol_headers() {
        ApiClient.Response me = SERVER.alice().get("/api/users/me", "Origin", "https://kb.example.org");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("Access-Control-Allow-Origin")).contains("https://kb.example.org");
        assertThat(me.header("Access-Control-Expose-Headers").orElse("")).contains("ETag").contains("Location");
        assertThat(me.headers().get("Vary").toString()).contains("Origin");
        ApiClient.Response fromFrontend = SERVER.alice().get("/api/users/me", "Origin", FRONTEND);
        assertThat(fromFrontend.header("Access-Control-Allow-Origin")).contains(FRONTEND);
        assertThat(SERVER.server().anonymous().get("/api/users/me", "Origin", FRONTEND).status()).as("CORS is not auth").isEqualTo(401);
    }

    @Test
    void another_origin_gets_no_cors_headers() {
        ApiClient.Response r = SERVER.alice().get("/api/users/me", "Origin", "http://evil.example");
        assertThat(r.header("Access-Control-Allow-Origin")).isEmpty();
        ApiClient.Response pre = SERVER.server().anonymous().send("OPTIONS", "/api/annotations", null, "Origin", "http://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(pre.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
