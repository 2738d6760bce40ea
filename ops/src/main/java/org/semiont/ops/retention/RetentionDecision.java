package org.semiont.ops.retention;

/** Whether one backup stays or goes under the recovery window, and why. */
public record RetentionDecision(String backupId, boolean keep, String reason) {
}
