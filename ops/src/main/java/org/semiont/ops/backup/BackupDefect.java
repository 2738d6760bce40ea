package org.semiont.ops.backup;

/** One thing wrong with a backup, named: the backup, the file (or the manifest) and what is wrong. */
public record BackupDefect(String backupId, String file, Kind kind, String detail) {
    public enum Kind { MISSING_FILE, SIZE_MISMATCH, CHECKSUM_MISMATCH, MALFORMED_RECORD, BROKEN_CHAIN, MANIFEST_INCONSISTENT,
        MISSING_PARENT, UNREADABLE_MANIFEST }

    @Override
    public String toString() {
        return "backup " + backupId + ": " + kind + (file == null ? "" : " in " + file) + ": " + detail;
    }
}
