package org.semiont.server.store;

import java.nio.file.Path;
import java.util.List;
import org.semiont.schema.DiffResult;
import org.semiont.schema.EngineOptions;
import org.semiont.schema.PushOptions;
import org.semiont.schema.PushResult;
import org.semiont.schema.SchemaEngine;
import org.semiont.schema.SchemaException;
import org.semiont.schema.migrate.DeployResult;
import org.semiont.schema.migrate.LocalMigration;
import org.semiont.schema.migrate.MigrationsFolder;
import org.semiont.schema.own.ForeignObject;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.SchemaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database to the application schema at start, as {@code SEMIONT_SCHEMA_SYNC} says. In {@code push} mode
 * it creates and alters only what the schema declares: safe changes apply; anything that could lose data, or cannot
 * run on the live data, is left alone, logged with the exact command to apply it, and reported as pending. What the
 * schema does not declare (a team's tables, indexes, columns) is never touched, only reported.
 */
public final class StartupSchemaSync {
    private static final Logger log = LoggerFactory.getLogger(StartupSchemaSync.class);
    private final SchemaEngine engine;
    private final SchemaSettings settings;
    private final String commandSuffix;
    private final Path dataDir;

    /** @param dataDir the data dir, named in the suggested command when the database is the embedded one */
    public StartupSchemaSync(SchemaEngine engine, SchemaSettings settings, boolean embedded, Path dataDir) {
        this.engine = engine;
        this.settings = settings;
        this.dataDir = dataDir;
        this.commandSuffix = (embedded ? " --data-dir " + dataDir : "")
                + settings.schemaFile().map(f -> " --schema " + f).orElse("");
    }

    public static EngineOptions engineOptions() {
        return EngineOptions.defaults();
    }

    public SchemaState sync(String schemaText) {
        try {
            switch (settings.sync()) {
                case OFF:
                    log.info("Schema sync is off ({}=off): the database schema was neither checked nor changed",
                            SchemaSettings.SYNC_VARIABLE);
                    return SchemaState.unchecked();
                case CHECK:
                    return check(schemaText, "Run 'semiont db push --declared-only" + commandSuffix + "'"
                            + " with a role allowed to change the schema, then start again.");
                case MIGRATE:
                    migrate();
                    return check(schemaText, "The migrations in " + settings.migrationsDir(dataDir) + " do not produce the"
                            + " schema: create one with 'semiont migrate dev --name NAME" + commandSuffix + "', then start again.");
                default:
                    return push(schemaText);
            }
        } catch (SchemaException e) {
            throw new SchemaException(e.error(), "Could not bring the database to the application schema: " + e.getMessage(), e.details(), e);
        }
    }

    private SchemaState push(String schemaText) {
        PushResult result = engine.push(ApplicationSchema.FILE_NAME, schemaText, PushOptions.declaredOnlySafe());
        List<String> foreign = describe(result.foreignObjects());
        logForeign(foreign);
        if (result.inSync()) {
            if (result.applied()) {
                log.info("Database schema updated: {} statement(s) in {} ms", result.statements().size(), result.took().toMillis());
                result.changes().forEach(c -> log.info("  - {}", c));
            }
            return SchemaState.inSync(foreign);
        }
        return pending(result, foreign);
    }

    /** Applies the pending migrations of the migrations directory (refused when one applied changed or failed). */
    private void migrate() {
        MigrationsFolder folder = new MigrationsFolder(settings.migrationsDir(dataDir));
        List<LocalMigration> local = folder.read();
        if (local.isEmpty()) {
            throw new ConfigException(SchemaSettings.SYNC_VARIABLE + "=migrate, but " + folder.path() + " holds no migrations."
                    + " Set " + SchemaSettings.MIGRATIONS_VARIABLE + ", or create the first with 'semiont migrate dev --name init'"
                    + " ('semiont migrate baseline' for a database that has the schema already).");
        }
        DeployResult result = engine.migrator().deploy(local);
        if (!result.missingLocally().isEmpty()) {
            log.warn("Applied migrations missing from {}: {}", folder.path(), String.join(", ", result.missingLocally()));
        }
        if (result.applied().isEmpty()) {
            log.info("Migrations: all {} in {} applied already", local.size(), folder.path());
        } else {
            log.info("Applied {} migration(s) in {} ms: {}", result.applied().size(), result.took().toMillis(),
                    String.join(", ", result.applied()));
        }
    }

    private SchemaState check(String schemaText, String wayOut) {
        DiffResult diff = engine.diff(engine.target(ApplicationSchema.FILE_NAME, schemaText).sql(), true);
        List<String> foreign = describe(diff.foreignObjects());
        if (!diff.inSync()) {
            throw new ConfigException("The database differs from the application schema (" + SchemaSettings.SYNC_VARIABLE
                    + "=" + settings.sync().label() + (settings.sync() == SchemaSettings.Sync.MIGRATE ? " changes the schema only through"
                    + " migrations" : " changes nothing") + "):\n  - " + String.join("\n  - ", diff.differences())
                    + "\n" + wayOut);
        }
        logForeign(foreign);
        return SchemaState.inSync(foreign);
    }

    private static List<String> describe(List<ForeignObject> foreign) {
        return foreign.stream().map(ForeignObject::describe).toList();
    }

    private static void logForeign(List<String> foreign) {
        if (!foreign.isEmpty()) {
            log.info("Left alone {} object(s) the schema does not declare: {}", foreign.size(), String.join(", ", foreign));
        }
    }

    private SchemaState pending(PushResult result, List<String> foreign) {
        List<String> warnings = result.warnings().stream().map(f -> f.message()).toList();
        List<String> unexecutable = result.unexecutable().stream().map(f -> f.message()).toList();
        String command = unexecutable.isEmpty()
                ? "semiont db push --declared-only --accept-data-loss" + commandSuffix
                : "semiont db push --force-reset" + commandSuffix + "   (drops all data; or change the schema)";
        log.warn("The database has pending schema changes that were NOT applied because they could lose data:");
        warnings.forEach(w -> log.warn("  - {}", w));
        unexecutable.forEach(u -> log.warn("  - (cannot run) {}", u));
        log.warn("To apply them: {}", command);
        return new SchemaState(SchemaState.Status.PENDING_CHANGES, warnings, unexecutable, command, foreign);
    }
}
