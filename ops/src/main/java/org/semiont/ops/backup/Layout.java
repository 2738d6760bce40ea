package org.semiont.ops.backup;

/** Where things are kept in a target. */
public final class Layout {
    public static final String BACKUPS = "backups/";
    public static final String CONTENT = "content/";

    private Layout() {
    }

    public static String backupDir(String id) {
        return BACKUPS + id + "/";
    }

    /** The backup id of a key under {@link #BACKUPS}, or null. */
    static String backupIdOf(String key) {
        if (!key.startsWith(BACKUPS)) {
            return null;
        }
        int slash = key.indexOf('/', BACKUPS.length());
        return slash < 0 ? null : key.substring(BACKUPS.length(), slash);
    }
}
