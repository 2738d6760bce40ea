package org.semiont.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;
import org.semiont.ops.restore.LogRestorer;
import org.semiont.ops.restore.RestorePlan;
import org.semiont.ops.restore.RestorePlanner;
import org.semiont.ops.restore.RestorePoint;
import org.semiont.ops.restore.RestoreResult;
import org.semiont.ops.target.DirectoryTarget;

class BackupChainTest {
    @TempDir
    Path tmp;

    private DirectoryTarget target() {
        return new DirectoryTarget(tmp.resolve("backups"));
    }

    private Path data() {
        return tmp.resolve("data");
    }

    private BackupResult backup(boolean full) {
        try (EventLog ro = TestLogs.readOnly(data())) {
            return new BackupCreator(target(), ro, data(), Clock.systemUTC(), "test")
                    .create(BackupOptions.defaults().withFull(full).withChunkBytes(2048));
        }
    }

    private RestoreResult restore(Optional<String> id, RestorePoint point, Path into) {
        BackupCatalog catalog = BackupCatalog.read(target());
        RestorePlan plan = new RestorePlanner(catalog).plan(id, point);
        LogRestorer r = new LogRestorer(target(), catalog);
        r.verify(plan);
        try (EventLog dest = TestLogs.open(into, Clock.systemUTC())) {
            return r.restore(plan, dest, into, p -> { });
        }
    }

    @Test
    void a_full_and_three_incremental_backups_each_restore_exactly_the_log_they_saw() {
        List<String> ids = new ArrayList<>();
        List<List<String>> seen = new ArrayList<>();
        try (EventLog log = TestLogs.open(data(), TestLogs.ticking())) {
            for (int round = 0; round < 4; round++) {
                TestLogs.append(log, 25 + round);
                seen.add(TestLogs.lines(data()));
                BackupResult b = backup(false);
                assertThat(b.manifest().type()).isEqualTo(round == 0 ? Manifest.Type.FULL : Manifest.Type.INCREMENTAL);
                ids.add(b.manifest().id());
            }
        }
        BackupCatalog catalog = BackupCatalog.read(target());
        assertThat(catalog.all()).extracting(Manifest::id).containsExactlyElementsOf(ids);
        assertThat(catalog.require(ids.get(3)).log().firstPosition()).isEqualTo(25 + 26 + 27 + 1);
        assertThat(new BackupVerifier(target(), catalog).verify(catalog.all()).defects()).isEmpty();
        for (int i = 0; i < 4; i++) {
            Path into = tmp.resolve("restored-" + i);
            RestoreResult r = restore(Optional.of(ids.get(i)), new RestorePoint.Latest(), into);
            assertThat(TestLogs.lines(into)).containsExactlyElementsOf(seen.get(i));
            assertThat(r.events()).isEqualTo(seen.get(i).size());
            try (EventLog restored = TestLogs.readOnly(into)) {
                assertThat(restored.verify(null).defects()).isEmpty();
            }
        }
    }

    @Test
    void an_incremental_copies_only_the_events_after_its_parent() {
        try (EventLog log = TestLogs.open(data(), TestLogs.ticking())) {
            TestLogs.append(log, 200);
            BackupResult full = backup(false);
            TestLogs.append(log, 2);
            BackupResult incr = backup(false);
            assertThat(incr.manifest().parent()).isEqualTo(full.manifest().id());
            assertThat(incr.manifest().chunks()).hasSize(1);
            assertThat(incr.bytesWritten() * 50).isLessThan(full.bytesWritten());
            assertThat(incr.why()).contains(full.manifest().id());
            BackupStatus status = BackupStatus.read(BackupCatalog.read(target())).orElseThrow();
            assertThat(status.lastId()).isEqualTo(incr.manifest().id());
            assertThat(status.lastPosition()).isEqualTo(202);
            assertThat(status.backups()).isEqualTo(2);
        }
    }

    @Test
    void a_restore_to_a_position_or_a_moment_between_two_writes_brings_back_exactly_the_events_before_it() {
        try (EventLog log = TestLogs.open(data(), TestLogs.ticking())) {
            TestLogs.append(log, 30);
            backup(false);
            TestLogs.append(log, 30);
            backup(false);
        }
        List<String> all = TestLogs.lines(data());
        restore(Optional.empty(), new RestorePoint.Position(41), tmp.resolve("by-position"));
        assertThat(TestLogs.lines(tmp.resolve("by-position"))).containsExactlyElementsOf(all.subList(0, 41));
        // the ticking clock stamps event n (from 1) at T0 + (n - 1) s: half a second after event 17
        RestoreResult r = restore(Optional.empty(), new RestorePoint.Time(TestLogs.T0.plusMillis(16_500)), tmp.resolve("by-time"));
        assertThat(TestLogs.lines(tmp.resolve("by-time"))).containsExactlyElementsOf(all.subList(0, 17));
        assertThat(r.lastTime()).isEqualTo(TestLogs.T0.plusSeconds(16));
    }

    @Test
    void a_flipped_byte_or_a_missing_file_is_named_by_verify_and_refused_by_restore() throws IOException {
        try (EventLog log = TestLogs.open(data(), TestLogs.ticking())) {
            TestLogs.append(log, 60);
        }
        Manifest m = backup(false).manifest();
        assertThat(m.chunks().size()).isGreaterThan(1);
        Path chunk = target().root().resolve(m.chunks().get(1).key());
        byte[] bytes = Files.readAllBytes(chunk);
        bytes[bytes.length / 2] ^= 1;
        Files.write(chunk, bytes);
        Files.delete(target().root().resolve(m.chunks().get(2).key()));

        BackupCatalog catalog = BackupCatalog.read(target());
        VerifyOutcome v = new BackupVerifier(target(), catalog).verify(catalog.all());
        assertThat(v.defects()).extracting(BackupDefect::file, BackupDefect::kind).contains(
                org.assertj.core.groups.Tuple.tuple(m.chunks().get(1).key(), BackupDefect.Kind.CHECKSUM_MISMATCH),
                org.assertj.core.groups.Tuple.tuple(m.chunks().get(2).key(), BackupDefect.Kind.MISSING_FILE));
        assertThatThrownBy(() -> restore(Optional.empty(), new RestorePoint.Latest(), tmp.resolve("refused")))
                .isInstanceOf(OpsException.class).satisfies(e -> assertThat(((OpsException) e).error()).isEqualTo(OpsError.BACKUP_DEFECTIVE))
                .hasMessageContaining(m.chunks().get(2).key());
        assertThat(tmp.resolve("refused")).doesNotExist();
    }

    @Test
    void a_backup_cut_short_has_no_manifest_is_not_listed_and_the_next_backup_removes_it() throws IOException {
        try (EventLog log = TestLogs.open(data(), TestLogs.ticking())) {
            TestLogs.append(log, 10);
        }
        String full = backup(false).manifest().id();
        Path cut = target().root().resolve("backups/20990101-000000I/log-000000000011.records");
        Files.createDirectories(cut.getParent());
        Files.writeString(cut, "11\tx\t{\"ev");
        assertThat(BackupCatalog.read(target()).all()).extracting(Manifest::id).containsExactly(full);
        assertThat(BackupCatalog.read(target()).orphans()).containsExactly("20990101-000000I");
        BackupResult next = backup(false);
        assertThat(next.removed()).containsExactly("20990101-000000I");
        assertThat(cut.getParent()).doesNotExist();
        assertThat(next.manifest().parent()).isEqualTo(full);
        assertThat(new BackupVerifier(target(), BackupCatalog.read(target())).verify(List.of(next.manifest())).defects()).isEmpty();
    }
}
