package org.semiont.schema.psl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Test resources shared by the psl, target and pull tests. */
public final class PslFixtures {
    private PslFixtures() {
    }

    public static String resource(String path) {
        try (InputStream in = PslFixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
