package org.semiont.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.semiont.schema.SchemaEngine;
import org.semiont.schema.own.SchemaExtension;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.SchemaSettings;

/**
 * An operator's {@code schema.prisma} ({@code --schema}, {@code SEMIONT_SCHEMA}): the bundled models, unchanged in
 * what the server relies on, plus models of the team's own. Validated once, at start.
 */
public final class TeamSchema {
    private TeamSchema() {
    }

    /** The schema text the start syncs to: the operator's file when given and valid, else the bundled one. */
    public static String resolve(SchemaSettings settings, String bundledText, SchemaEngine engine, Set<String> rebuiltTables) {
        if (settings.schemaFile().isEmpty()) {
            return bundledText;
        }
        Path file = settings.schemaFile().get();
        String text = read(file);
        List<String> problems = SchemaExtension.problems(engine.target(ApplicationSchema.FILE_NAME, bundledText).sql(),
                engine.target(file.toString(), text).sql(), rebuiltTables);
        if (!problems.isEmpty()) {
            throw new ConfigException("The schema " + file + " (--schema / " + SchemaSettings.SCHEMA_VARIABLE
                    + ") must contain the bundled models unchanged and may add models of its own:\n  - "
                    + String.join("\n  - ", problems));
        }
        return text;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema file " + file + ": " + e.getMessage(), e);
        }
    }
}
