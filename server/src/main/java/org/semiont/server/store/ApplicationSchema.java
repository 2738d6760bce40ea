package org.semiont.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The application's own {@code schema.prisma}, bundled in the jar. */
public final class ApplicationSchema {
    public static final String RESOURCE = "/org/semiont/server/schema.prisma";
    public static final String FILE_NAME = "schema.prisma";

    private ApplicationSchema() {
    }

    public static String text() {
        try (InputStream in = ApplicationSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled schema " + RESOURCE + " is missing from the build.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
