package org.semiont.schema;

import java.time.Duration;
import java.util.List;
import org.semiont.schema.check.Finding;
import org.semiont.schema.own.ForeignObject;

/**
 * What a push did. {@code statements} are the statements run ({@code applied}) or the ones that would
 * run; with warnings not accepted or unexecutable steps nothing is applied. {@code changes} says the
 * same as the statements, one readable line per step ("add column `age` Integer? on table `User`").
 * {@code foreignObjects} are what a declared-only push found and left alone (empty for a full push).
 */
public record PushResult(boolean applied, List<String> statements, List<Finding> warnings, List<Finding> unexecutable,
                         Duration took, boolean createdDatabase, List<String> changes, List<ForeignObject> foreignObjects) {
    public PushResult {
        statements = List.copyOf(statements);
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        unexecutable = List.copyOf(unexecutable);
        foreignObjects = List.copyOf(foreignObjects);
    }

    public PushResult(boolean applied, List<String> statements, List<Finding> warnings, List<Finding> unexecutable,
                      Duration took, boolean createdDatabase, List<String> changes) {
        this(applied, statements, warnings, unexecutable, took, createdDatabase, changes, List.of());
    }

    PushResult withForeignObjects(List<ForeignObject> foreign) {
        return new PushResult(applied, statements, warnings, unexecutable, took, createdDatabase, changes, foreign);
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
