package org.semiont.server.config;

/** Which database the program uses: the embedded one of the data dir, or an external server. */
public sealed interface DatabaseSource {
    /**
     * No database setting: the embedded PostgreSQL under {@code <data-dir>/postgres}.
     *
     * @param slowQuery statements this long or longer go to its log; empty: none ({@link SlowQuerySettings})
     */
    record Embedded(java.util.Optional<java.time.Duration> slowQuery) implements DatabaseSource {
        public Embedded() {
            this(java.util.Optional.of(SlowQuerySettings.DEFAULT));
        }
    }

    record External(DatabaseTarget target) implements DatabaseSource { }
}
