package org.semiont.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;
import org.semiont.ops.restore.LogRestorer;
import org.semiont.ops.restore.RestorePlan;
import org.semiont.ops.restore.RestorePlanner;
import org.semiont.ops.restore.RestorePoint;
import org.semiont.ops.target.BackupTarget;
import org.semiont.ops.target.S3rver;

/** Backups to a real S3-compatible server (s3rver on 127.0.0.1): chains, points in time, defects, the lock. */
class S3TargetIT {
    @TempDir
    static Path objects;
    static S3rver server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3rver.start(objects);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private BackupTarget target;

    private BackupTarget target(String prefix) {
        if (target == null) {
            target = server.target(prefix);
        }
        return target;
    }

    private Path data() {
        return tmp.resolve("data");
    }

    private BackupResult backup(BackupTarget t) {
        try (EventLog ro = TestLogs.readOnly(data())) {
            return new BackupCreator(t, ro, data(), Clock.systemUTC(), "test").create(BackupOptions.defaults().withChunkBytes(2048));
        }
    }

    private void restore(BackupTarget t, Optional<String> id, RestorePoint point, Path into) {
        BackupCatalog catalog = BackupCatalog.read(t);
        RestorePlan plan = new RestorePlanner(catalog).plan(id, point);
        LogRestorer r = new LogRestorer(t, catalog);
        r.verify(plan);
        try (EventLog dest = TestLogs.open(into, Clock.systemUTC())) {
            r.restore(plan, dest, into, p -> { });
        }
    }

    @Test
    void a_full_and_two_incremental_backups_in_a_bucket_each_restore_exactly_the_log_they_saw() {
        BackupTarget t = target("chain/");
        List<String> ids = new ArrayList<>();
        List<List<String>> seen = new ArrayList<>();
        try (EventLog log = TestLogs.open(data(), TestLogs.ticking())) {
            for (int round = 0; round < 3; round++) {
                TestLogs.append(log, 20 + round);
                seen.add(TestLogs.lines(data()));
                ids.add(backup(t).manifest().id());
            }
        }
        BackupCatalog catalog = BackupCatalog.read(t);
        assertThat(catalog.all()).extracting(Manifest::type)
                .containsExactly(Manifest.Type.FULL, Manifest.Type.INCREMENTAL, Manifest.Type.INCREMENTAL);
        assertThat(new BackupVerifier(t, catalog).verify(catalog.all()).defects()).isEmpty();
        for (int i = 0; i < 3; i++) {
            Path into = tmp.resolve("restored-" + i);
            restore(t, Optional.of(ids.get(i)), new RestorePoint.Latest(), into);
            assertThat(TestLogs.lines(into)).containsExactlyElementsOf(seen.get(i));
        }
    }

    @Test
    void a_restore_to_a_moment_between_two_writes_brings_back_exactly_the_events_before_it() {
        BackupTarget t = target("pitr/");
        try (EventLog log = TestLogs.open(data(), TestLogs.ticking())) {
            TestLogs.append(log, 25);
            backup(t);
            TestLogs.append(log, 25);
            backup(t);
        }
        List<String> all = TestLogs.lines(data());
        restore(t, Optional.empty(), new RestorePoint.Time(TestLogs.T0.plusMillis(30_500)), tmp.resolve("by-time"));
        assertThat(TestLogs.lines(tmp.resolve("by-time"))).containsExactlyElementsOf(all.subList(0, 31));
    }

    @Test
    void events_archived_to_the_bucket_after_the_backup_restore_to_a_moment_between_two_writes() throws Exception {
        BackupTarget t = target("archived/");
        try (EventLog log = TestLogs.open(data(), TestLogs.ticking())) {
            TestLogs.append(log, 10);
            backup(t);
            try (org.semiont.ops.archive.LogArchiver a = new org.semiont.ops.archive.LogArchiver(t, log, data(),
                    java.time.Duration.ofMillis(50), Clock.systemUTC())) {
                a.start();
                TestLogs.append(log, 12);
                long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
                while (a.archivedPosition() < 22 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(a.archivedPosition()).isEqualTo(22);
            }
        }
        List<String> all = TestLogs.lines(data());
        BackupCatalog catalog = BackupCatalog.read(t);
        RestorePlan plan = new RestorePlanner(catalog, org.semiont.ops.archive.ArchiveCatalog.read(t))
                .plan(Optional.empty(), new RestorePoint.Time(TestLogs.T0.plusMillis(15_500)));
        assertThat(plan.segments()).isNotEmpty();
        LogRestorer r = new LogRestorer(t, catalog);
        r.verify(plan);
        Path into = tmp.resolve("archived");
        try (EventLog dest = TestLogs.open(into, Clock.systemUTC())) {
            r.restore(plan, dest, into, p -> { });
        }
        assertThat(TestLogs.lines(into)).containsExactlyElementsOf(all.subList(0, 16));
    }

    @Test
    void a_flipped_byte_in_an_object_is_named_by_verify_and_refused_by_restore() throws IOException {
        BackupTarget t = target("flipped/");
        try (EventLog log = TestLogs.open(data(), TestLogs.ticking())) {
            TestLogs.append(log, 40);
        }
        Manifest m = backup(t).manifest();
        String key = m.chunks().get(0).key();
        byte[] bytes;
        try (InputStream in = t.open(key)) {
            bytes = in.readAllBytes();
        }
        bytes[bytes.length / 2] ^= 1;
        t.putAtomically(key, bytes);

        BackupCatalog catalog = BackupCatalog.read(t);
        assertThat(new BackupVerifier(t, catalog).verify(catalog.all()).defects())
                .extracting(BackupDefect::file, BackupDefect::kind)
                .contains(org.assertj.core.groups.Tuple.tuple(key, BackupDefect.Kind.CHECKSUM_MISMATCH));
        assertThatThrownBy(() -> restore(t, Optional.empty(), new RestorePoint.Latest(), tmp.resolve("refused")))
                .isInstanceOf(OpsException.class).hasMessageContaining(key);
    }

    @Test
    void a_second_writer_is_refused_while_the_lock_is_held_and_let_in_after() throws Exception {
        BackupTarget t = target("locked/");
        try (AutoCloseable held = t.lock("first")) {
            assertThatThrownBy(() -> t.lock("second")).isInstanceOf(OpsException.class)
                    .satisfies(e -> assertThat(((OpsException) e).error()).isEqualTo(OpsError.TARGET_LOCKED))
                    .hasMessageContaining("first");
        }
        t.lock("third").close();
        assertThat(t.list("")).isEmpty();
    }
}
