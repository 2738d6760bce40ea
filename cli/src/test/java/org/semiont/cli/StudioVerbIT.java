package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code semiont studio} and {@code SEMIONT_STUDIO=on}: the studio's sign-in page from the built distribution. */
class StudioVerbIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void semiont_studio_serves_the_sign_in_page_on_loopback_under_a_strict_csp(@TempDir Path dir) throws Exception {
        try (SemiontProcess p = SemiontProcess.studio(dir, "--read-only")) {
            String url = p.awaitUrl(Duration.ofMinutes(2));
            assertThat(url).startsWith("http://127.0.0.1:").endsWith("/studio/");
            assertThat(p.output()).contains("Semiont studio (read-only)");
            HttpResponse<String> page = get(url);
            assertThat(page.statusCode()).isEqualTo(302);
            HttpResponse<String> signIn = get(url + "sign-in");
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
            assertThat(signIn.body()).contains("id=\"signin-form\"");
            assertThat(signIn.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c)
                    .contains("script-src 'self'").contains("frame-ancestors 'none'"));
            assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                    .contains("HttpOnly").contains("SameSite=Strict"));
        }
    }

    @Test
    void semiont_start_serves_the_studio_only_with_semiont_studio_on(@TempDir Path on, @TempDir Path off) throws Exception {
        try (SemiontProcess p = SemiontProcess.startWith(on, Map.of("SEMIONT_STUDIO", "on"))) {
            String url = p.awaitUrl(Duration.ofMinutes(2));
            assertThat(get(url + "/studio/sign-in").statusCode()).isEqualTo(200);
            assertThat(p.output()).contains("Studio:   " + url + "/studio/");
        }
        try (SemiontProcess p = SemiontProcess.start(off)) {
            String url = p.awaitUrl(Duration.ofMinutes(2));
            assertThat(get(url + "/studio/sign-in").statusCode()).isEqualTo(404);
        }
    }
}
