package org.semiont.ops.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.events.chain.Sha256;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.BackupDefect;
import org.semiont.ops.backup.BackupVerifier;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.backup.ManifestJson;
import org.semiont.ops.backup.TestLogs;
import org.semiont.ops.backup.Verifications;
import org.semiont.ops.backup.VerifyOutcome;
import org.semiont.ops.target.DirectoryTarget;

/** {@code backup verify} of the archive segments that continue the newest backup, and the record of a clean verify. */
class ArchiveVerifyTest {
    @TempDir
    Path tmp;

    private DirectoryTarget target;
    private String backupId;
    private List<ArchiveSegment> segments;

    /** A backup of 5 events, then two segments of 5 events each. */
    @BeforeEach
    void aBackupContinuedByTwoSegments() throws Exception {
        target = new DirectoryTarget(tmp.resolve("target"));
        Path data = tmp.resolve("data");
        try (EventLog log = TestLogs.open(data, TestLogs.ticking())) {
            TestLogs.append(log, 5);
            LogArchiverTest.backup(target, log, data);
            LogArchiver archiver = new LogArchiver(target, log, data, Duration.ofHours(1), Clock.systemUTC());
            TestLogs.append(log, 5);
            archiver.shipNow();
            TestLogs.append(log, 5);
            archiver.shipNow();
        }
        backupId = BackupCatalog.read(target).newest().orElseThrow().id();
        segments = ArchiveCatalog.read(target).all();
        assertThat(segments).extracting(ArchiveSegment::first, ArchiveSegment::last).containsExactly(tuple(6L, 10L), tuple(11L, 15L));
    }

    private VerifyOutcome verify() {
        BackupCatalog catalog = BackupCatalog.read(target);
        return new BackupVerifier(target, catalog).verify(List.of(catalog.newest().orElseThrow()), ArchiveCatalog.read(target), false);
    }

    @Test
    void the_segments_that_continue_the_newest_backup_are_replayed_on_from_its_chain_heads() {
        VerifyOutcome v = verify();
        assertThat(v.defects()).isEmpty();
        assertThat(v.segments()).containsExactly(BackupVerifier.segmentId(segments.get(0)), BackupVerifier.segmentId(segments.get(1)));
        assertThat(v.events()).isEqualTo(15);

        ArchiveReach reach = ArchiveReach.of(BackupCatalog.read(target), ArchiveCatalog.read(target)).orElseThrow();
        assertThat(reach.backupId()).isEqualTo(backupId);
        assertThat(reach.firstPosition()).isEqualTo(6);
        assertThat(reach.lastPosition()).isEqualTo(15);
        assertThat(reach.lastTime()).isEqualTo(segments.get(1).lastTime());
    }

    @Test
    void a_clean_verify_is_recorded_next_to_the_manifest_and_a_defective_one_is_not() throws Exception {
        assertThat(Verifications.lastClean(target, backupId)).isEmpty();
        Instant at = Instant.parse("2026-12-06T21:00:00Z");
        BackupCatalog catalog = BackupCatalog.read(target);
        assertThat(Verifications.record(target, catalog, verify(), at)).containsExactly(backupId);
        assertThat(Verifications.lastClean(target, backupId)).contains(at);

        Manifest m = catalog.require(backupId);
        flipAByteIn(target.root().resolve(m.chunks().get(0).key()));
        VerifyOutcome v = verify();
        assertThat(v.clean()).isFalse();
        assertThat(Verifications.record(target, catalog, v, at.plusSeconds(60))).isEmpty();
        assertThat(Verifications.lastClean(target, backupId)).contains(at);
    }

    @Test
    void a_flipped_byte_in_a_segment_is_named_with_the_segment_and_its_file() throws Exception {
        String key = segments.get(1).chunks().get(0).key();
        flipAByteIn(target.root().resolve(key));
        assertThat(verify().defects()).extracting(BackupDefect::backupId, BackupDefect::file, BackupDefect::kind)
                .contains(tuple(BackupVerifier.segmentId(segments.get(1)), key, BackupDefect.Kind.CHECKSUM_MISMATCH));
    }

    /** As with a backup's chunk: the events after the gap cannot link to what is missing, so they are named too. */
    @Test
    void a_missing_segment_file_is_named_and_the_events_after_it_do_not_link() throws Exception {
        String key = segments.get(0).chunks().get(0).key();
        Files.delete(target.root().resolve(key));
        List<BackupDefect> defects = verify().defects();
        assertThat(defects.get(0)).extracting(BackupDefect::backupId, BackupDefect::file, BackupDefect::kind)
                .containsExactly(BackupVerifier.segmentId(segments.get(0)), key, BackupDefect.Kind.MISSING_FILE);
        assertThat(defects.subList(1, defects.size())).isNotEmpty().allSatisfy(d -> {
            assertThat(d.backupId()).isEqualTo(BackupVerifier.segmentId(segments.get(1)));
            assertThat(d.kind()).isEqualTo(BackupDefect.Kind.BROKEN_CHAIN);
        });
    }

    /** A segment whose files match its description but whose first event does not link to the backup's chain head. */
    @Test
    void a_segment_that_does_not_continue_the_backups_chain_is_a_broken_chain_even_when_its_files_match() throws Exception {
        ArchiveSegment s = segments.get(0);
        Manifest.LogChunk c = s.chunks().get(0);
        Path file = target.root().resolve(c.key());
        String text = Files.readString(file);
        int at = text.indexOf("\"prevEventHash\":\"") + 17;
        char flipped = text.charAt(at) == 'a' ? 'b' : 'a';
        byte[] changed = (text.substring(0, at) + flipped + text.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
        Files.write(file, changed);
        Manifest.LogChunk rehashed = new Manifest.LogChunk(c.key(), c.first(), c.last(), changed.length, Sha256.hex(changed));
        ArchiveSegment described = new ArchiveSegment(s.format(), s.logId(), s.first(), s.last(), s.firstTime(), s.lastTime(),
                s.lastChecksum(), s.shippedAt(), List.of(rehashed), s.content());
        target.putAtomically(s.descriptionKey(), ManifestJson.mapper().writeValueAsBytes(described));

        List<BackupDefect> defects = verify().defects();
        assertThat(defects).extracting(BackupDefect::backupId, BackupDefect::file, BackupDefect::kind)
                .containsExactly(tuple(BackupVerifier.segmentId(s), c.key(), BackupDefect.Kind.BROKEN_CHAIN));
        assertThat(defects.get(0).detail()).contains("record 1").contains("BROKEN_LINK");
    }

    private static void flipAByteIn(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
    }
}
