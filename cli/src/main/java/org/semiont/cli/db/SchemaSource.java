package org.semiont.cli.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.ExitCodes;

/** A schema file's name (for messages) and text: the given file, or the application's bundled schema. */
record SchemaSource(String name, String text) {
    static final String BUNDLED = "/org/semiont/server/schema.prisma";

    static SchemaSource load(Path file) {
        return file == null ? bundled() : read(file);
    }

    static SchemaSource read(Path file) {
        try {
            return new SchemaSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CliException(ExitCodes.USAGE, "The schema file " + file + " is not UTF-8 text; save it as UTF-8.");
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.USAGE, "The schema file " + file + " does not exist. Pass an existing file with --schema.");
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "Cannot read the schema file " + file + ": " + e.getMessage());
        }
    }

    private static SchemaSource bundled() {
        try (InputStream in = SchemaSource.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new CliException(ExitCodes.USAGE, "This build has no bundled application schema ("
                        + BUNDLED + "). Pass a schema file with --schema FILE.");
            }
            return new SchemaSource("schema.prisma (bundled)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "Cannot read the bundled schema: " + e.getMessage());
        }
    }
}
