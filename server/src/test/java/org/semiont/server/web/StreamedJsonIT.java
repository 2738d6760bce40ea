package org.semiont.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.semiont.server.util.Json;

/** A streamed answer that fails part-way never reaches the client as a whole-looking answer. */
class StreamedJsonIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    static HttpServer server;

    @BeforeAll
    static void start() {
        server = HttpServer.start("127.0.0.1", 0, Json.mapper(), Duration.ofSeconds(5), HttpSettings.permissive(100), routes -> {
            routes.get("/items/{count}/{fail}", ctx -> {
                int count = Integer.parseInt(ctx.pathParam("count"));
                boolean fail = Boolean.parseBoolean(ctx.pathParam("fail"));
                StreamedJson.write(ctx, Json.mapper(), 200, g -> {
                    g.writeStartObject();
                    g.writeArrayFieldStart("items");
                    for (int i = 0; i < count; i++) {
                        g.writeRawValue("{\"n\":" + i + ",\"pad\":\"" + "x".repeat(100) + "\"}");
                    }
                    if (fail) {
                        throw new IllegalStateException("the database went away");
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
            });
        });
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_whole_answer_is_valid_json() throws Exception {
        HttpResponse<String> r = get("/items/20000/false");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(r.body()).get("items")).hasSize(20_000);
    }

    @Test
    void a_failure_before_anything_went_out_is_an_ordinary_error_answer() throws Exception {
        HttpResponse<String> r = get("/items/10/true");
        assertThat(r.statusCode()).isEqualTo(500);
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(r.body()).doesNotContain("\"items\"");
    }

    @Test
    void a_failure_after_the_answer_began_cuts_the_connection() {
        assertThatThrownBy(() -> get("/items/20000/true")).isInstanceOf(IOException.class);
    }
}
