package org.semiont.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.semiont.schema.describe.SchemaDescriber;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;
import org.semiont.schema.testing.Schemas;
import org.semiont.schema.testing.TestDatabases;

/**
 * Random schema A, random rows, random schema B: the push of B either succeeds and the database is
 * then in sync with B, or it is refused (warnings, unexecutable steps, or a statement PostgreSQL
 * rejects) and the database — structure and rows — is exactly as before.
 */
class RandomPushPropertiesIT {
    private static JdbcSchemaDatabase db;

    @BeforeContainer
    static void database() {
        db = TestDatabases.newDatabase();
    }

    @AfterContainer
    static void forget() {
        db = null;
    }

    @Property(tries = 40)
    void a_push_either_reaches_the_target_or_leaves_everything_untouched(@ForAll long seed, @ForAll boolean acceptDataLoss)
            throws Exception {
        Random r = new Random(seed);
        SqlSchema a = RandomSchemas.schema(r);
        SqlSchema b = RandomSchemas.schema(r);
        TestDatabases.exec(db, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
        assertThat(engine.push(Schemas.target(a), PushOptions.safe()).applied()).isTrue();
        assertThat(describe()).isEqualTo(a);
        TestDatabases.exec(db, RandomSchemas.rows(r, a).toArray(String[]::new));
        Snapshot before = snapshot();

        PushResult result;
        try {
            result = engine.push(Schemas.target(b), new PushOptions(acceptDataLoss, false));
        } catch (SchemaException e) {
            assertThat(e.error()).isIn(SchemaError.SCHEMA_APPLY_FAILED);
            assertThat(snapshot()).isEqualTo(before);
            return;
        }
        if (result.inSync()) {
            // A recreated column moves to the end of its table; the differ compares by name.
            assertThat(byColumnName(describe())).isEqualTo(byColumnName(b));
            assertThat(engine.diff(b).inSync()).isTrue();
        } else {
            assertThat(result.warnings().isEmpty() && result.unexecutable().isEmpty()).isFalse();
            assertThat(snapshot()).isEqualTo(before);
        }
    }

    private static SqlSchema byColumnName(SqlSchema s) {
        return new SqlSchema(s.namespaces(), s.tables().stream().map(t -> new Table(t.namespace(), t.name(),
                t.columns().stream().sorted(java.util.Comparator.comparing(org.semiont.schema.sql.Column::name)).toList(),
                t.primaryKey(), t.indexes(), t.foreignKeys())).toList(), s.enums());
    }

    private record Snapshot(SqlSchema schema, List<String> rows) { }

    private static Snapshot snapshot() throws Exception {
        SqlSchema schema = describe();
        List<String> rows = new ArrayList<>();
        for (Table t : schema.tables()) {
            rows.add(t.name() + ":" + TestDatabases.query(db, "SELECT COALESCE(string_agg(x::text, '|' ORDER BY x::text), '')"
                    + " FROM \"" + t.name() + "\" AS x").get(0).get(0));
        }
        return new Snapshot(schema, rows);
    }

    private static SqlSchema describe() throws Exception {
        try (Connection c = db.connect()) {
            return new SchemaDescriber().describe(c, List.of("public")).schema();
        }
    }
}
