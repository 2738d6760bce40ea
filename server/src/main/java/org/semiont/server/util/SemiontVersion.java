package org.semiont.server.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The program version, filtered in from the Maven project version at build time. */
public final class SemiontVersion {
    public static final String VERSION = load();

    private SemiontVersion() {
    }

    private static String load() {
        try (InputStream in = SemiontVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
