package org.semiont.ops;

/** Stable codes of operations failures; never reused. */
public enum OpsError {
    /** The target could not be read or written. */
    TARGET_IO,
    /** A target string that names no supported target. */
    TARGET_INVALID,
    /** Another backup or prune holds the target's lock. */
    TARGET_LOCKED,
    /** No backup with that id, or none that covers the requested point. */
    BACKUP_NOT_FOUND,
    /** A backup's files do not match its manifest or its log does not chain. */
    BACKUP_DEFECTIVE,
    /** The source data dir or its event log could not be read. */
    SOURCE_IO,
    /** The restore destination holds data and no --force was given. */
    DESTINATION_NOT_EMPTY,
    /** A restore point that cannot be honoured (before the log, after the newest backup). */
    POINT_INVALID,
    /** A backup setting (schedule, archive interval) that cannot be read. */
    SETTING_INVALID
}
