package org.semiont.ops.backup;

import java.util.List;

/**
 * A backup just taken.
 *
 * @param why            why it is full or incremental (the operator asked, no parent, the parent does not match the log)
 * @param bytesWritten   bytes copied into the target by this backup (log chunks, new content, secrets)
 * @param contentCopied  content files copied (the others were in the target already)
 * @param removed        folders of backups cut short that were removed first
 * @param warnings       content files left out because they do not match their name's checksum, and the like
 * @param snapshotNote   the projection snapshot taken, or why none was
 */
public record BackupResult(Manifest manifest, String why, long bytesWritten, int contentCopied, long millis,
                           List<String> removed, List<String> warnings, String snapshotNote) {
    public BackupResult {
        removed = List.copyOf(removed);
        warnings = List.copyOf(warnings);
    }
}
