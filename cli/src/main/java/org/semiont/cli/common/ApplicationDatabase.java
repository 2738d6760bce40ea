package org.semiont.cli.common;

import java.util.Optional;
import org.semiont.schema.SchemaEngine;
import org.semiont.server.config.Environment;
import org.semiont.server.config.SchemaSettings;
import org.semiont.server.datadir.DataDirLayout;
import org.semiont.server.db.DatabaseRuntime;
import org.semiont.server.db.TargetSchemaDatabase;
import org.semiont.server.store.ApplicationSchema;
import org.semiont.server.store.SchemaState;
import org.semiont.server.store.StartupSchemaSync;

/** The application's tables, for verbs that use them while no server runs (they may run before any server did). */
public final class ApplicationDatabase {
    private ApplicationDatabase() {
    }

    /**
     * Safe changes of the bundled schema's declared objects apply, as at a server's start (a team's own models are
     * foreign to it, so left alone); others are warned about. With SEMIONT_SCHEMA_SYNC other than push, nothing
     * changes: {@code off} skips, {@code check} checks; {@code migrate} applies pending migrations, as a start does.
     */
    public static void ensureSchema(DatabaseRuntime runtime, DataDirLayout layout) {
        SchemaSettings configured = SchemaSettings.from(Environment.system(), null);
        SchemaSettings settings = new SchemaSettings(configured.sync(), Optional.empty(),
                Optional.of(configured.migrationsDir(layout.root())));
        SchemaEngine engine = new SchemaEngine(new TargetSchemaDatabase(runtime.target()), StartupSchemaSync.engineOptions());
        SchemaState state = new StartupSchemaSync(engine, settings,
                runtime.embedded().isPresent(), layout.root()).sync(ApplicationSchema.text());
        if (state.status() == SchemaState.Status.PENDING_CHANGES) {
            System.err.println("warning: the database has pending schema changes (" + state.command() + ")");
        }
    }
}
