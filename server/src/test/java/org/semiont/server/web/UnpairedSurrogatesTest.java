package org.semiont.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnpairedSurrogatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean mayBeIn(String json) {
        return UnpairedSurrogates.mayBeIn(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_byte_test_passes_every_surrogate_escape_in_either_case_and_nothing_else() {
        assertThat(mayBeIn("{\"a\":\"\\ud800\"}")).isTrue();
        assertThat(mayBeIn("{\"a\":\"\\uDFFF\"}")).isTrue();
        assertThat(mayBeIn("{\"a\":\"\\uD83D\\uDE00\"}")).isTrue();
        assertThat(mayBeIn("{\"a\":\"\\ud7ff \\ue000 \\u00e9 d800\"}")).isFalse();
        assertThat(mayBeIn("{\"a\":\"\\u\"}")).isFalse();
    }

    @Test
    void finds_the_first_string_or_field_name_holding_half_a_pair() throws Exception {
        assertThat(UnpairedSurrogates.firstIn(JSON.readTree("{\"a\":[1,{\"b\":\"ok \\ud83d\\ude00\"}]}"))).isNull();
        assertThat(UnpairedSurrogates.firstIn(JSON.readTree("{\"a\":[1,{\"b\":\"x\\ud83d\"}]}"))).isEqualTo("x\ud83d");
        assertThat(UnpairedSurrogates.firstIn(JSON.readTree("{\"k\\udc00\":1}"))).isEqualTo("k\udc00");
        assertThat(UnpairedSurrogates.firstIn(JSON.readTree("{\"a\":\"\\ude00\\ud83d\"}"))).isNotNull();
        assertThat(UnpairedSurrogates.firstIn(JSON.readTree("{\"a\":\"\\ud83d\\ud83d\\ude00\"}"))).isNotNull();
    }

    @Test
    void escaped_shows_half_pairs_as_escapes_and_keeps_whole_pairs() {
        assertThat(UnpairedSurrogates.escaped("a\ud800b\uD83D\uDE00\udc01")).isEqualTo("a\\ud800b\uD83D\uDE00\\udc01");
    }
}
