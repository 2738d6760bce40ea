package org.semiont.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.semiont.schema.pull.PullResult;
import org.semiont.schema.testing.TestDatabases;

/** push → pull → push is a no-op, for a fresh pull and for re-introspection of the same file. */
class PullRoundTripIT {

    @Test
    void pushing_a_pulled_schema_changes_nothing() throws Exception {
        String psl = Files.readString(Paths.get("src/test/resources/fixtures/realworld.prisma"));
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
        assertThat(engine.push("realworld.prisma", psl, PushOptions.safe()).applied()).isTrue();

        PullResult fresh = engine.pull(Optional.empty());
        assertThat(engine.diff("pulled.prisma", fresh.psl()).differences()).isEmpty();

        PullResult enriched = engine.pull(Optional.of(psl));
        assertThat(engine.diff("re-pulled.prisma", enriched.psl()).differences()).isEmpty();
        PushResult again = engine.push("re-pulled.prisma", enriched.psl(), PushOptions.safe());
        assertThat(again.statements()).isEmpty();
    }
}
