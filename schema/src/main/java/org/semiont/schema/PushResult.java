package org.semiont.schema;

import java.time.Duration;
import java.util.List;
import org.semiont.schema.check.Finding;

/**
 * What a push did. {@code statements} are the statements run ({@code applied}) or the ones that would
 * run; with warnings not accepted or unexecutable steps nothing is applied. {@code changes} says the
 * same as the statements, one readable line per step ("add column `age` Integer? on table `User`").
 */
public record PushResult(boolean applied, List<String> statements, List<Finding> warnings, List<Finding> unexecutable,
                         Duration took, boolean createdDatabase, List<String> changes) {
    public PushResult {
        statements = List.copyOf(statements);
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        unexecutable = List.copyOf(unexecutable);
    }

    /** The database matches the schema now (changes applied, or nothing to do). */
    public boolean inSync() {
        return applied || statements.isEmpty();
    }

    /** Changes are pending because of warnings or unexecutable steps. */
    public boolean pending() {
        return !inSync();
    }
}
