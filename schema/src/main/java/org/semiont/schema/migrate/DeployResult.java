package org.semiont.schema.migrate;

import java.time.Duration;
import java.util.List;

/**
 * What {@code migrate deploy} did.
 *
 * @param applied        the migrations applied now, in order (empty: the database was up to date)
 * @param missingLocally applied migrations with no folder in the directory (reported, not an error)
 */
public record DeployResult(List<String> applied, List<String> missingLocally, Duration took) {
    public DeployResult {
        applied = List.copyOf(applied);
        missingLocally = List.copyOf(missingLocally);
    }
}
