package org.semiont.ops.restore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.semiont.ops.archive.ArchiveSegment;
import org.semiont.ops.backup.FileCopies;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.target.BackupTarget;

/** Checks the chunks and content files of archived segments against their descriptions (size and SHA-256). */
final class SegmentChecks {
    private SegmentChecks() {
    }

    static List<String> defects(BackupTarget target, List<ArchiveSegment> segments) {
        List<String> out = new ArrayList<>();
        for (ArchiveSegment s : segments) {
            for (Manifest.LogChunk c : s.chunks()) {
                check(target, new Manifest.FileEntry(c.key(), c.size(), c.sha256()), out);
            }
            for (Manifest.FileEntry f : s.content()) {
                check(target, f, out);
            }
        }
        return out;
    }

    private static void check(BackupTarget target, Manifest.FileEntry f, List<String> out) {
        try (InputStream in = target.open(f.key())) {
            Manifest.FileEntry actual = FileCopies.hash(in, f.key());
            if (actual.size() != f.size() || !actual.sha256().equals(f.sha256())) {
                out.add("CHECKSUM_MISMATCH " + f.key() + ": " + actual.size() + " bytes, SHA-256 " + actual.sha256()
                        + "; the archive's description says " + f.size() + " bytes, " + f.sha256());
            }
        } catch (NoSuchFileException e) {
            out.add("MISSING_FILE " + f.key());
        } catch (IOException e) {
            out.add("UNREADABLE " + f.key() + ": " + e.getMessage());
        }
    }
}
