package org.semiont.server.config;

/** Which database the program uses: the embedded one of the data dir, or an external server. */
public sealed interface DatabaseSource {
    /** No database setting: the embedded PostgreSQL under {@code <data-dir>/postgres}. */
    record Embedded() implements DatabaseSource { }

    record External(DatabaseTarget target) implements DatabaseSource { }
}
