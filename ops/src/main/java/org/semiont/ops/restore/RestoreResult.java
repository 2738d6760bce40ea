package org.semiont.ops.restore;

import java.time.Instant;

/**
 * A restored log: the events brought back ({@code lastPosition}, the time of the last one), and the content and
 * secret files written.
 */
public record RestoreResult(String backupId, long events, long lastPosition, Instant lastTime, int contentFiles,
                            int secretFiles, long millis) {
}
