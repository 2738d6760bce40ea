package org.semiont.server.datadir;

import java.nio.file.Path;

/** Where things live under a data dir. */
public record DataDirLayout(Path root) {
    public DataDirLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** The embedded PostgreSQL cluster. */
    public Path postgres() {
        return root.resolve("postgres");
    }

    /** Runtime state of a running embedded PostgreSQL (port, pids): lets CLI verbs reach it. */
    public Path postgresRuntimeFile() {
        return root.resolve("run").resolve("postgres.json");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** The event log's folder; {@code EventLog.open} takes the data dir root and adds this itself. */
    public Path events() {
        return root.resolve("events");
    }

    public Path secrets() {
        return root.resolve("secrets");
    }
}
