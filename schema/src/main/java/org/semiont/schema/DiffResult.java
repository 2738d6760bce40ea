package org.semiont.schema;

import java.util.List;
import org.semiont.schema.own.ForeignObject;

/**
 * The difference between the database and a schema file.
 *
 * @param statements     the SQL a push would run
 * @param differences    one readable line per change ("add column `age` … on table `User`")
 * @param foreignObjects with a declared-only diff: what the schema does not declare, which a sync leaves alone
 */
public record DiffResult(List<String> statements, List<String> differences, List<ForeignObject> foreignObjects) {
    public DiffResult {
        statements = List.copyOf(statements);
        differences = List.copyOf(differences);
        foreignObjects = List.copyOf(foreignObjects);
    }

    public DiffResult(List<String> statements, List<String> differences) {
        this(statements, differences, List.of());
    }

    public boolean inSync() {
        return statements.isEmpty();
    }
}
