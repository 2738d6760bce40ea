package org.semiont.studio.web;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.semiont.studio.events.VerifyRun;

/** The verify page while a run goes on: a progress bar, counts of the total, time left, and a reload. */
class VerifyPageTest {
    static final TemplateEngine JTE = TemplateEngine.createPrecompiled(null, ContentType.Html, VerifyPageTest.class.getClassLoader(),
            "org.semiont.studio.templates");

    @Test
    void a_running_verify_shows_its_progress_and_reloads_itself() {
        VerifyRun.Progress p = new VerifyRun.Progress(3, 40, 160, 2_500, 10_000, 1_000_000, 25, 2_000, 6, false, null, null);
        Chrome chrome = new Chrome("events verify", null, "/studio", false, "log").refreshingEvery(LogRoutes.REFRESH_SECONDS);
        String html = render(new Pages.Verify(chrome, p, LogRoutes.eta(p), null, List.of()));
        assertThat(html).contains("<meta http-equiv=\"refresh\" content=\"1\">")
                .contains("<progress id=\"verify-progress\" max=\"100\" value=\"25\">")
                .contains("40 of 160 streams").contains("2500 of 10000 events").contains("about 6 s left")
                .doesNotContain("id=\"verify-result\"").doesNotContain("id=\"verify-form\"");
    }

    @Test
    void a_finished_verify_names_its_defects_and_stops_reloading() {
        VerifyRun.Progress p = new VerifyRun.Progress(3, 160, 160, 10_000, 10_000, 1_000_000, 100, 8_000, 0, true, null, "disk gone");
        String html = render(new Pages.Verify(new Chrome("events verify", null, "/studio", false, "log"), p, LogRoutes.eta(p),
                "Verification failed: disk gone", List.of()));
        assertThat(html).doesNotContain("http-equiv=\"refresh\"").contains("value=\"100\"")
                .contains("Verification failed: disk gone").contains("id=\"verify-form\"");
        assertThat(LogRoutes.eta(new VerifyRun.Progress(1, 0, 1, 0, 1, 0, 0, 10, -1, false, null, null))).isEqualTo("estimating…");
        assertThat(LogRoutes.eta(new VerifyRun.Progress(1, 0, 1, 0, 1, 0, 0, 10, 125, false, null, null))).isEqualTo("about 2 min 5 s left");
    }

    static String render(Pages.Verify v) {
        StringOutput out = new StringOutput();
        JTE.render("verify.jte", v, out);
        return out.toString();
    }
}
