package org.semiont.ops.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.snapshot.ProjectionSnapshot;
import org.semiont.server.projection.ProjectionRules;

class SnapshotChoiceTest {
    private static Manifest backup(String id, String parent, long first, long last, Long snapshotAt, int rules) {
        ProjectionSnapshot s = snapshotAt == null ? null
                : new ProjectionSnapshot(snapshotAt, "log-1", rules, Instant.EPOCH, List.of());
        return new Manifest(Manifest.FORMAT, id, parent, parent == null ? Manifest.Type.FULL : Manifest.Type.INCREMENTAL,
                Instant.EPOCH, Instant.EPOCH, "test", "log-1", new Manifest.LogRange(first, last, Instant.EPOCH, "c"), Map.of(),
                List.of(), List.of(), List.of(), s);
    }

    private final Manifest full = backup("F", null, 1, 100, 90L, ProjectionRules.VERSION);
    private final Manifest middle = backup("I1", "F", 101, 150, null, ProjectionRules.VERSION);
    private final Manifest last = backup("I2", "I1", 151, 300, 280L, ProjectionRules.VERSION);

    @Test
    void the_newest_snapshot_at_or_before_the_restored_end_is_chosen() {
        assertThat(SnapshotChoice.choose(List.of(full, middle, last), 300).backup()).isSameAs(last);
        assertThat(SnapshotChoice.choose(List.of(full, middle, last), 280).backup()).isSameAs(last);
        SnapshotChoice between = SnapshotChoice.choose(List.of(full, middle, last), 279);
        assertThat(between.backup()).isSameAs(full);
        assertThat(between.snapshot().position()).isEqualTo(90);
    }

    @Test
    void a_point_before_every_snapshot_rebuilds_and_says_why() {
        SnapshotChoice c = SnapshotChoice.choose(List.of(full), 89);
        assertThat(c.usable()).isFalse();
        assertThat(c.why()).contains("position 89").contains("before the projection snapshot of backup F (position 90)");
    }

    @Test
    void backups_without_snapshots_or_with_other_rules_rebuild() {
        Manifest old = backup("O", null, 1, 100, null, ProjectionRules.VERSION);
        assertThat(SnapshotChoice.choose(List.of(old), 100).why()).contains("no backup of the restored chain holds a projection snapshot");
        Manifest otherRules = backup("R", null, 1, 100, 100L, ProjectionRules.VERSION - 1);
        SnapshotChoice c = SnapshotChoice.choose(List.of(otherRules), 100);
        assertThat(c.usable()).isFalse();
        assertThat(c.why()).contains("projection rules " + (ProjectionRules.VERSION - 1));
    }
}
