package org.semiont.ops.backup;

import java.nio.file.Path;

/** Content files are named {@code doc-sha256:<hex>.dat} after the SHA-256 of their bytes. */
public final class ContentNames {
    private static final String PREFIX = "doc-sha256:";
    private static final String SUFFIX = ".dat";

    private ContentNames() {
    }

    /** Whether a content file's name states this checksum; names of another form are not judged. */
    public static boolean matches(Path file, String sha256) {
        return matches(file.getFileName().toString(), sha256);
    }

    static boolean matches(String name, String sha256) {
        int slash = name.lastIndexOf('/');
        String n = name.substring(slash + 1);
        if (!n.startsWith(PREFIX) || !n.endsWith(SUFFIX)) {
            return true;
        }
        return n.substring(PREFIX.length(), n.length() - SUFFIX.length()).equalsIgnoreCase(sha256);
    }
}
