package org.semiont.server.metrics;

import java.util.Map;

/**
 * One reading of the database's statistics (plain data).
 *
 * @param connectionsByState client sessions by {@code pg_stat_activity.state}
 * @param oldestTransactionSeconds age of the oldest open transaction (0 when none)
 * @param oldestQuerySeconds       age of the oldest running statement (0 when none)
 */
record PostgresStats(Map<String, Long> connectionsByState, long maxConnections, long reservedConnections,
                     long databaseBytes, long xactCommit, long xactRollback, long tupReturned, long tupFetched,
                     long tupInserted, long tupUpdated, long tupDeleted, long blksHit, long blksRead, long deadlocks,
                     long tempBytes, double oldestTransactionSeconds, double oldestQuerySeconds, long waitingLocks) {
    PostgresStats {
        connectionsByState = Map.copyOf(connectionsByState);
    }

    long connections(String state) {
        return connectionsByState.getOrDefault(state, 0L);
    }

    double cacheHitRatio() {
        long all = blksHit + blksRead;
        return all == 0 ? 1.0 : (double) blksHit / all;
    }
}
