package org.semiont.schema.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationStatusTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final LocalMigration a = LocalMigration.of("1_a", "CREATE TABLE a (x int);", Optional.empty());
    private final LocalMigration b = LocalMigration.of("2_b", "CREATE TABLE b (x int);", Optional.empty());

    @Test
    void unapplied_migrations_are_pending_in_directory_order() {
        MigrationStatus s = MigrationStatus.of(List.of(a, b), List.of(applied(a.name(), a.checksum())));
        assertThat(s.applied()).containsExactly("1_a");
        assertThat(s.pending()).containsExactly("2_b");
        assertThat(s.upToDate()).isFalse();
        assertThat(s.drifted()).isFalse();
    }

    @Test
    void a_changed_checksum_a_failed_attempt_and_a_missing_folder_are_drift() {
        HistoryRow failed = new HistoryRow("2", b.checksum(), null, b.name(), "boom", null, T, 0);
        MigrationStatus s = MigrationStatus.of(List.of(a, b), List.of(applied(a.name(), "0".repeat(64)), failed,
                applied("0_gone", "x")));
        assertThat(s.modified()).containsExactly("1_a");
        assertThat(s.failed()).containsExactly("2_b");
        assertThat(s.missingLocally()).containsExactly("0_gone");
        assertThat(s.pending()).isEmpty();
        assertThat(s.drifted()).isTrue();
    }

    @Test
    void a_rolled_back_migration_is_pending_again() {
        HistoryRow undone = new HistoryRow("1", a.checksum(), T, a.name(), null, T, T, 1);
        assertThat(MigrationStatus.of(List.of(a), List.of(undone)).pending()).containsExactly("1_a");
    }

    private static HistoryRow applied(String name, String checksum) {
        return new HistoryRow(name + "-id", checksum, T, name, null, null, T, 1);
    }
}
