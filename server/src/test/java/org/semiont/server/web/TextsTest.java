package org.semiont.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void short_text_is_kept_and_long_text_is_cut_with_an_ellipsis() {
        assertThat(Texts.abbreviate("abc", 3)).isEqualTo("abc");
        assertThat(Texts.abbreviate("abcd", 3)).isEqualTo("abc…");
    }

    @Test
    void a_cut_never_leaves_half_of_a_surrogate_pair() {
        assertThat(Texts.abbreviate("ab\uD83D\uDE00cd", 3)).isEqualTo("ab…");
        assertThat(Texts.abbreviate("ab\uD83D\uDE00cd", 4)).isEqualTo("ab\uD83D\uDE00…");
    }
}
