package org.semiont.server.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.semiont.server.error.DomainException;

class UploadRulesTest {
    @Test
    void a_format_field_wins_over_the_part_and_the_name() {
        assertThat(UploadRules.format("text/markdown", "image/png", "a.bin")).isEqualTo("text/markdown");
    }

    @Test
    void a_part_type_we_take_decides_with_or_without_a_utf8_charset() {
        assertThat(UploadRules.format(null, "text/markdown", "notes.txt")).isEqualTo("text/markdown");
        assertThat(UploadRules.format(null, "Text/Plain; charset=\"UTF-8\"", "notes.md")).isEqualTo("text/plain");
        assertThat(UploadRules.format(null, "text/x-markdown", "notes")).isEqualTo("text/markdown");
    }

    @Test
    void without_a_telling_type_the_extension_decides() {
        assertThat(UploadRules.format(null, "application/octet-stream", "Notes.MD")).isEqualTo("text/markdown");
        assertThat(UploadRules.format(null, null, "notes.markdown")).isEqualTo("text/markdown");
        assertThat(UploadRules.format(null, "", "notes.txt")).isEqualTo("text/plain");
        assertThat(UploadRules.format(null, null, "README")).isEqualTo("text/plain");
    }

    @Test
    void other_types_charsets_and_extensions_are_unsupported_media() {
        assertRefused(() -> UploadRules.format(null, "image/png", "cat.png"), "UNSUPPORTED_MEDIA_TYPE", "image/png");
        assertRefused(() -> UploadRules.format(null, "application/octet-stream", "paper.pdf"), "UNSUPPORTED_MEDIA_TYPE",
                "paper.pdf");
        assertRefused(() -> UploadRules.format(null, "text/plain; charset=iso-8859-1", "old.txt"), "UNSUPPORTED_MEDIA_TYPE",
                "iso-8859-1");
    }

    @Test
    void utf8_text_passes_and_the_first_bad_byte_is_named() {
        assertThat(UploadRules.utf8Text("Grüße, 世界 😀".getBytes(StandardCharsets.UTF_8))).isEqualTo("Grüße, 世界 😀");
        assertThat(UploadRules.utf8Text(new byte[0])).isEmpty();
        byte[] latin1 = "abc Grüße".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(() -> UploadRules.utf8Text(latin1), "VALIDATION_FAILED", "offset 6");
        byte[] cut = {'a', (byte) 0xE4, (byte) 0xB8};
        assertRefused(() -> UploadRules.utf8Text(cut), "VALIDATION_FAILED", "offset 1");
    }

    private static void assertRefused(Runnable r, String code, String mentioned) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(mentioned);
        });
    }
}
