package org.semiont.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.semiont.ops.snapshot.ProjectionSnapshot;

class SnapshotPolicyTest {
    private static Manifest backup(String id, String parent, long last, Long snapshotAt) {
        ProjectionSnapshot s = snapshotAt == null ? null : new ProjectionSnapshot(snapshotAt, "log-1", 2, Instant.EPOCH, List.of());
        return new Manifest(Manifest.FORMAT, id, parent, parent == null ? Manifest.Type.FULL : Manifest.Type.INCREMENTAL,
                Instant.EPOCH, Instant.EPOCH, "test", "log-1", new Manifest.LogRange(1, last, Instant.EPOCH, "c"), Map.of(),
                List.of(), List.of(), List.of(), s);
    }

    @Test
    void a_full_backup_always_carries_a_snapshot() {
        assertThat(SnapshotPolicy.reason(List.of(), 1000)).hasValue("a full backup carries one");
    }

    @Test
    void an_incremental_carries_one_once_the_events_since_the_last_exceed_a_tenth_of_the_log() {
        List<Manifest> chain = List.of(backup("F", null, 1000, 1000L), backup("I", "F", 1050, null));
        assertThat(SnapshotPolicy.reason(chain, 1100)).isEmpty();
        assertThat(SnapshotPolicy.skipReason(chain, 1100)).contains("100 events since the snapshot of backup F at position 1000");
        assertThat(SnapshotPolicy.reason(chain, 1112)).get().asString().contains("112 events since the snapshot of backup F");
    }

    @Test
    void an_incremental_whose_chain_has_none_carries_one() {
        assertThat(SnapshotPolicy.reason(List.of(backup("F", null, 1000, null)), 1001)).hasValue("no backup of its chain has one");
    }

    @Test
    void a_manifest_without_a_snapshot_reads_as_one_written_before_snapshots() throws Exception {
        Manifest m = backup("F", null, 10, null);
        String json = new String(ManifestJson.write(m), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("projectionSnapshot");
        assertThat(ManifestJson.read(ManifestJson.write(m)).projectionSnapshot()).isNull();
        Manifest with = backup("G", null, 10, 10L);
        assertThat(ManifestJson.read(ManifestJson.write(with))).isEqualTo(with);
    }
}
