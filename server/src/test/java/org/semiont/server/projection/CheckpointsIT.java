package org.semiont.server.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projector's checkpoint compare-and-set travels with its COMMIT in one message, so it must fail the
 * transaction by itself: every way the checkpoint can be somewhere else rolls back the rows written with it.
 */
class CheckpointsIT {
    private static final String NAME = "test";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00.123456789Z");

    @TempDir
    static Path dataDir;
    private static ProjectionDatabase database;
    private static HikariDataSource pool;

    @BeforeAll
    static void start() {
        database = ProjectionDatabase.open(dataDir, "CheckpointsIT");
        pool = database.pool();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void clean() throws SQLException {
        execute("DELETE FROM projection_checkpoints WHERE name = '" + NAME + "'; DELETE FROM entity_types");
    }

    @Test
    void the_first_advance_creates_the_checkpoint_and_commits_with_it() throws SQLException {
        advanceWithARow(0, 7);
        assertThat(position()).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM entity_types")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM projection_checkpoints WHERE name = '" + NAME
                + "' AND \"updatedAt\" = '2026-11-25 12:00:00.123'")).as("stored to the millisecond").isEqualTo(1);
    }

    @Test
    void an_advance_from_where_it_is_moves_it() throws SQLException {
        advanceWithARow(0, 7);
        advanceWithARow(7, 9);
        assertThat(position()).isEqualTo(9);
        assertThat(count("SELECT count(*) FROM entity_types")).isEqualTo(2);
    }

    @Test
    void an_advance_from_elsewhere_fails_and_rolls_back_its_rows() throws SQLException {
        advanceWithARow(0, 7);
        assertThatThrownBy(() -> advanceWithARow(5, 9)).isInstanceOf(ProjectionException.class)
                .hasMessageContaining("is not at position 5 (found 7)").hasMessageContaining("another process");
        assertThatThrownBy(() -> advanceWithARow(0, 9)).isInstanceOf(ProjectionException.class)
                .hasMessageContaining("is not at position 0 (found 7)");
        assertThat(position()).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM entity_types")).isEqualTo(1);
    }

    @Test
    void an_advance_from_a_position_when_there_is_no_checkpoint_fails() throws SQLException {
        assertThatThrownBy(() -> advanceWithARow(3, 9)).isInstanceOf(ProjectionException.class)
                .hasMessageContaining("is not at position 3 (found 0)");
        assertThat(count("SELECT count(*) FROM projection_checkpoints WHERE name = '" + NAME + "'")).isZero();
        assertThat(count("SELECT count(*) FROM entity_types")).isZero();
    }

    @Test
    void advance_alone_leaves_the_commit_to_the_caller() throws SQLException {
        advanceWithARow(0, 7);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            Checkpoints.advance(c, NAME, 7, 9, NOW);
            assertThat(Checkpoints.read(c, NAME)).isEqualTo(9);
            assertThatThrownBy(() -> Checkpoints.advance(c, NAME, 7, 11, NOW)).isInstanceOf(ProjectionException.class)
                    .hasMessageContaining("is not at position 7");
            c.rollback();
        }
        assertThat(position()).isEqualTo(7);
    }

    @Test
    void statements_of_the_commit_message_commit_with_the_checkpoint() throws SQLException {
        advanceWithARow(0, 7);
        advanceWithAMessage(7, 9, "m9");
        assertThat(position()).isEqualTo(9);
        assertThat(count("SELECT count(*) FROM entity_types WHERE name = 'm9'")).isOne();
    }

    @Test
    void a_moved_checkpoint_rolls_back_the_statements_of_the_commit_message() throws SQLException {
        advanceWithARow(0, 7);
        assertThatThrownBy(() -> advanceWithAMessage(3, 9, "m9")).isInstanceOf(ProjectionException.class)
                .hasMessageContaining("is not at position 3 (found 7)");
        assertThat(position()).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM entity_types WHERE name = 'm9'")).isZero();
    }

    /** A statement ahead of the compare-and-set that breaks a constraint is not another process's checkpoint. */
    @Test
    void a_failing_statement_of_the_commit_message_is_reported_as_itself() throws SQLException {
        advanceWithARow(0, 7);
        assertThatThrownBy(() -> advanceWithAMessage(7, 9, "t7")).isInstanceOf(SQLException.class)
                .isNotInstanceOf(ProjectionException.class).hasMessageContaining("entity_types_pkey");
        assertThat(position()).isEqualTo(7);
    }

    private static void advanceWithAMessage(long from, long to, String entityType) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            CommitMessage message = new CommitMessage();
            message.add("INSERT INTO entity_types (name, created) VALUES (?, now())", (ps, first) -> {
                ps.setString(first, entityType);
                return 1;
            });
            try {
                Checkpoints.advanceAndCommit(c, NAME, from, to, NOW, message);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** What the projector does: rows, then the checkpoint and the commit; the connection goes back to the pool. */
    private static void advanceWithARow(long from, long to) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO entity_types (name, created) VALUES ('t" + to + "', now())");
                Checkpoints.advanceAndCommit(c, NAME, from, to, NOW);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static long position() throws SQLException {
        return count("SELECT position FROM projection_checkpoints WHERE name = '" + NAME + "'");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
