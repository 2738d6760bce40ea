package org.semiont.cli.common;

import org.semiont.server.datadir.DataDirLayout;
import org.semiont.server.db.DatabaseRuntime;
import org.semiont.server.store.ApplicationSchema;
import org.semiont.server.store.SchemaState;
import org.semiont.server.store.StartupSchemaSync;

/** The application's tables, for verbs that use them while no server runs (they may run before any server did). */
public final class ApplicationDatabase {
    private ApplicationDatabase() {
    }

    /** Safe changes of the application schema apply, as at a server's start; others are warned about. */
    public static void ensureSchema(DatabaseRuntime runtime, DataDirLayout layout) {
        SchemaState state = new StartupSchemaSync(runtime.target(), runtime.embedded().isPresent(), layout.root())
                .sync(ApplicationSchema.text());
        if (state.status() == SchemaState.Status.PENDING_CHANGES) {
            System.err.println("warning: the database has pending schema changes (" + state.command() + ")");
        }
    }
}
