package org.semiont.studio.web;

import java.util.List;

/** What the schema page shows: the live database pulled as a schema file, and its drift against the running schema. */
public record SchemaReport(String pulled, List<String> warnings, List<String> differences, List<String> statements) {
    public SchemaReport {
        warnings = List.copyOf(warnings);
        differences = List.copyOf(differences);
        statements = List.copyOf(statements);
    }
}
