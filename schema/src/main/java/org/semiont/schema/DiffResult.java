package org.semiont.schema;

import java.util.List;

/**
 * The difference between the database and a schema file.
 *
 * @param statements  the SQL a push would run
 * @param differences one readable line per change ("add column `age` … on table `User`")
 */
public record DiffResult(List<String> statements, List<String> differences) {
    public DiffResult {
        statements = List.copyOf(statements);
        differences = List.copyOf(differences);
    }

    public boolean inSync() {
        return statements.isEmpty();
    }
}
