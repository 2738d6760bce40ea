package org.semiont.cli.db;

import java.nio.file.Path;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.schema.SchemaDatabase;
import org.semiont.schema.SchemaException;
import picocli.CommandLine.Option;

/**
 * What push, status, diff and reset share: the {@code --schema FILE} option (a picocli mixin) and running a
 * body with that schema and an open database, schema-engine failures becoming the verbs' exit codes.
 */
public final class SchemaVerb {
    @Option(names = "--schema", paramLabel = "FILE", description = "Schema file (default: $SEMIONT_SCHEMA, else the application's bundled schema).")
    Path schema;

    /** --schema, else SEMIONT_SCHEMA (the file 'semiont start' uses), else none: the bundled schema. */
    Path schemaFile() {
        if (schema != null) {
            return schema;
        }
        String env = System.getenv("SEMIONT_SCHEMA");
        return env == null || env.isBlank() ? null : Path.of(env);
    }

    interface Body {
        int run(SchemaSource source, SchemaDatabase db) throws SchemaException;
    }

    int run(DatabaseOptions database, Body body) {
        SchemaSource source = SchemaSource.load(schemaFile());
        try (SchemaDatabase db = database.openSchemaDatabase()) {
            return body.run(source, db);
        } catch (SchemaException e) {
            throw DbExits.toCli(e);
        }
    }
}
