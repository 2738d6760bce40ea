package org.semiont.events;

/**
 * A cheap snapshot of the log for monitoring: no stream file is read.
 *
 * @param lastPosition  the last durable global position
 * @param commitBatches group commits since the log was opened (one fsync each)
 * @param usableBytes   free space for the log on its file system
 * @param totalBytes    size of that file system
 */
public record LogStats(long lastPosition, long commitBatches, long usableBytes, long totalBytes) {
}
