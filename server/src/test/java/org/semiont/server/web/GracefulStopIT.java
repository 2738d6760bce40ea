package org.semiont.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.semiont.server.util.Json;

class GracefulStopIT {
    @Test
    void stopping_lets_an_in_flight_request_finish_and_then_refuses_new_connections() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        HttpServer server = HttpServer.start("127.0.0.1", 0, Json.mapper(), Duration.ofSeconds(5), HttpSettings.permissive(100), routes ->
                routes.get("/slow", ctx -> {
                    entered.countDown();
                    Thread.sleep(1500);
                    ctx.result("finished");
                }));
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/slow");
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        server.stop();
        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        assertThat(CompletableFuture.supplyAsync(() -> {
            try {
                client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                return "answered";
            } catch (Exception e) {
                return "refused";
            }
        }).get(10, TimeUnit.SECONDS)).isEqualTo("refused");
    }
}
