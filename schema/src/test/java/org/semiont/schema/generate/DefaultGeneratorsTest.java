package org.semiont.schema.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.semiont.schema.psl.PslFixtures;
import org.semiont.schema.psl.PslParser;
import org.semiont.schema.target.ColumnKey;

class DefaultGeneratorsTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
    private final DefaultGenerators generators = new DefaultGenerators(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());

    private String gen(GeneratedDefault.Kind kind, int size) {
        return (String) generators.generate(new GeneratedDefault(kind, size));
    }

    @Test
    void cuid_v1_is_25_characters_starting_with_c_and_cuid2_is_24_lowercase_alphanumerics() {
        assertThat(gen(GeneratedDefault.Kind.CUID, 0)).hasSize(25).startsWith("c").matches("[a-z0-9]+");
        assertThat(gen(GeneratedDefault.Kind.CUID2, 0)).hasSize(24).matches("[a-z][a-z0-9]+");
    }

    @Test
    void uuids_have_the_asked_version_and_v7_carries_the_clock_time() {
        UUID v4 = UUID.fromString(gen(GeneratedDefault.Kind.UUID4, 0));
        UUID v7 = UUID.fromString(gen(GeneratedDefault.Kind.UUID7, 0));
        assertThat(v4.version()).isEqualTo(4);
        assertThat(v7.version()).isEqualTo(7);
        assertThat(v7.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void nanoid_has_the_asked_size_and_ulid_is_26_crockford_characters() {
        assertThat(gen(GeneratedDefault.Kind.NANOID, 21)).hasSize(21).matches("[A-Za-z0-9_-]+");
        assertThat(gen(GeneratedDefault.Kind.NANOID, 8)).hasSize(8);
        assertThat(gen(GeneratedDefault.Kind.ULID, 0)).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]+");
    }

    @Test
    void updated_at_is_the_clock_instant() {
        assertThat(generators.generate(new GeneratedDefault(GeneratedDefault.Kind.UPDATED_AT, 0))).isEqualTo(NOW);
    }

    @Test
    void a_thousand_cuids_are_distinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(gen(GeneratedDefault.Kind.CUID, 0));
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void the_schema_lists_every_column_the_application_fills() {
        String psl = PslFixtures.resource("psl/blog.prisma").replace("@id @default(autoincrement())\n  bio",
                "@id @default(autoincrement())\n  code String @default(nanoid(10))\n  bio");
        Map<ColumnKey, GeneratedDefault> all = DefaultGenerators.forSchema(PslParser.parse("blog.prisma", psl), "public");
        assertThat(all).containsOnly(
                Map.entry(new ColumnKey("public", "users", "id"), new GeneratedDefault(GeneratedDefault.Kind.CUID, 0)),
                Map.entry(new ColumnKey("public", "users", "updatedAt"), new GeneratedDefault(GeneratedDefault.Kind.UPDATED_AT, 0)),
                Map.entry(new ColumnKey("public", "Profile", "code"), new GeneratedDefault(GeneratedDefault.Kind.NANOID, 10)));
    }
}
