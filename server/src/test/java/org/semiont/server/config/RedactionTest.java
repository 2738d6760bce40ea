package org.semiont.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void passwords_in_urls_parameters_and_json_are_masked() {
        assertThat(Redaction.redact("connect postgresql://app:hunter2@db:5432/x failed"))
                .isEqualTo("connect postgresql://app:****@db:5432/x failed");
        assertThat(Redaction.redact("jdbc:postgresql://h/db?user=a&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=****&ssl=true");
        assertThat(Redaction.redact("{\"username\":\"u\",\"password\":\"hun\\\"ter2\"}"))
                .isEqualTo("{\"username\":\"u\",\"password\":\"****\"}");
    }

    @Test
    void text_without_secrets_is_unchanged() {
        assertThat(Redaction.redact("http://127.0.0.1:4000/api/health ok")).isEqualTo("http://127.0.0.1:4000/api/health ok");
        assertThat(Redaction.redact(null)).isNull();
    }
}
