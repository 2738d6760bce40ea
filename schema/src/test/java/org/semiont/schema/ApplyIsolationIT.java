package org.semiont.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.semiont.schema.testing.Schemas.*;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.semiont.schema.describe.SchemaDescriber;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;
import org.semiont.schema.testing.TestDatabases;

/** One transaction, one advisory lock, bounded lock waits. */
class ApplyIsolationIT {

    private static SqlSchema describe(JdbcSchemaDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return new SchemaDescriber().describe(c, List.of("public")).schema();
        }
    }

    @Test
    void a_push_whose_late_statement_fails_leaves_the_database_exactly_as_before() throws Exception {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
        Table v1 = table("Thing", serialId("Thing", "id"), optional("n", PgType.BIGINT));
        engine.push(target(v1), PushOptions.safe());
        TestDatabases.exec(db, "INSERT INTO \"Thing\"(n) VALUES (1), (9999999999)");
        SqlSchema before = describe(db);
        // The new column is added first; the narrowing cast after it fails on 9999999999.
        Table v2 = table("Thing", serialId("Thing", "id"), optional("n", PgType.INTEGER), optional("added", PgType.TEXT));
        Table extra = table("Extra", serialId("Extra", "id"));

        assertThatThrownBy(() -> engine.push(target(v2, extra), new PushOptions(true, false)))
                .isInstanceOf(SchemaException.class)
                .satisfies(e -> assertThat(((SchemaException) e).error()).isEqualTo(SchemaError.SCHEMA_APPLY_FAILED))
                .hasMessageContaining("Nothing was applied");

        assertThat(describe(db)).isEqualTo(before);
        assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM \"Thing\"")).isEqualTo(2);
    }

    @Test
    void two_concurrent_pushes_apply_once_and_both_end_in_sync() throws Exception {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SqlSchema target = RichSchemas.blog();
        CountDownLatch start = new CountDownLatch(1);
        Callable<PushResult> push = () -> {
            start.await();
            return new SchemaEngine(db, EngineOptions.defaults()).push(target(target), PushOptions.safe());
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<PushResult> a = pool.submit(push);
            Future<PushResult> b = pool.submit(push);
            start.countDown();
            List<PushResult> results = List.of(a.get(), b.get());

            assertThat(results).filteredOn(PushResult::applied).hasSize(1);
            assertThat(results).allMatch(PushResult::inSync);
            assertThat(describe(db)).isEqualTo(target);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_push_behind_a_long_running_transaction_fails_after_the_lock_timeout_and_changes_nothing() throws Exception {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults().withLockTimeout(Duration.ofMillis(300)));
        Table v1 = table("Thing", serialId("Thing", "id"));
        engine.push(target(v1), PushOptions.safe());
        SqlSchema before = describe(db);

        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE \"Thing\" IN ACCESS SHARE MODE");
            Table v2 = table("Thing", serialId("Thing", "id"), optional("extra", PgType.TEXT));

            assertThatThrownBy(() -> engine.push(target(v2), PushOptions.safe()))
                    .isInstanceOf(SchemaException.class)
                    .satisfies(e -> assertThat(((SchemaException) e).error()).isEqualTo(SchemaError.SCHEMA_LOCK_TIMEOUT))
                    .hasMessageContaining("Waited more than 300 ms for a table lock");
            holder.rollback();
        }
        assertThat(describe(db)).isEqualTo(before);
    }

    @Test
    void a_push_waiting_for_another_push_gives_up_after_the_lock_wait() throws Exception {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults().withLockWait(Duration.ofMillis(300)));
        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("SELECT pg_advisory_xact_lock(" + org.semiont.schema.apply.SchemaLock.KEY + ")");

            assertThatThrownBy(() -> engine.push(target(table("Thing", serialId("Thing", "id"))), PushOptions.safe()))
                    .isInstanceOf(SchemaException.class)
                    .satisfies(e -> assertThat(((SchemaException) e).error()).isEqualTo(SchemaError.SCHEMA_LOCK_TIMEOUT))
                    .hasMessageContaining("held the schema lock for more than 300 ms");
            holder.rollback();
        }
        assertThat(describe(db).tables()).isEmpty();
    }

    @Test
    void a_no_op_push_needs_neither_the_schema_lock_nor_table_locks() throws Exception {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults().withLockWait(Duration.ofMillis(300))
                .withLockTimeout(Duration.ofMillis(300)));
        Table v1 = table("Thing", serialId("Thing", "id"));
        engine.push(target(v1), PushOptions.safe());
        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("SELECT pg_advisory_xact_lock(" + org.semiont.schema.apply.SchemaLock.KEY + ")");
            st.execute("LOCK TABLE \"Thing\" IN ROW EXCLUSIVE MODE");

            PushResult result = engine.push(target(v1), PushOptions.safe());

            assertThat(result.inSync()).isTrue();
            assertThat(result.applied()).isFalse();
            holder.rollback();
        }
    }

    @Test
    void even_the_in_sync_check_gives_up_behind_a_table_being_altered() throws Exception {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults().withLockTimeout(Duration.ofMillis(300)));
        Table v1 = table("Thing", serialId("Thing", "id"));
        engine.push(target(v1), PushOptions.safe());
        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE \"Thing\" IN ACCESS EXCLUSIVE MODE");

            assertThatThrownBy(() -> engine.push(target(v1), PushOptions.safe()))
                    .isInstanceOf(SchemaException.class)
                    .satisfies(e -> assertThat(((SchemaException) e).error()).isEqualTo(SchemaError.SCHEMA_LOCK_TIMEOUT));
            holder.rollback();
        }
    }
}
