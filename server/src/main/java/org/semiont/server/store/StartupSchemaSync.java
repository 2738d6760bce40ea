package org.semiont.server.store;

import java.nio.file.Path;
import java.util.List;
import org.semiont.schema.EngineOptions;
import org.semiont.schema.PushOptions;
import org.semiont.schema.PushResult;
import org.semiont.schema.SchemaEngine;
import org.semiont.schema.SchemaException;
import org.semiont.server.config.DatabaseTarget;
import org.semiont.server.db.TargetSchemaDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database to the application schema at startup with {@code db push} semantics: safe
 * changes apply; anything that could lose data, or cannot run on the live data, is left alone,
 * logged with the exact command to apply it, and reported as pending.
 */
public final class StartupSchemaSync {
    private static final Logger log = LoggerFactory.getLogger(StartupSchemaSync.class);
    private final SchemaEngine engine;
    private final String commandSuffix;

    /** @param dataDir the data dir, named in the suggested command when the database is the embedded one */
    public StartupSchemaSync(DatabaseTarget target, boolean embedded, Path dataDir) {
        this.engine = new SchemaEngine(new TargetSchemaDatabase(target), EngineOptions.defaults());
        this.commandSuffix = embedded ? " --data-dir " + dataDir : "";
    }

    public SchemaState sync(String schemaText) {
        PushResult result;
        try {
            result = engine.push(ApplicationSchema.FILE_NAME, schemaText, PushOptions.safe());
        } catch (SchemaException e) {
            throw new SchemaException(e.error(), "Could not bring the database to the application schema: " + e.getMessage(), e.details(), e);
        }
        if (result.inSync()) {
            if (result.applied()) {
                log.info("Database schema updated: {} statement(s) in {} ms", result.statements().size(), result.took().toMillis());
            }
            return SchemaState.inSync();
        }
        return pending(result);
    }

    private SchemaState pending(PushResult result) {
        List<String> warnings = result.warnings().stream().map(f -> f.message()).toList();
        List<String> unexecutable = result.unexecutable().stream().map(f -> f.message()).toList();
        String command = unexecutable.isEmpty()
                ? "semiont db push --accept-data-loss" + commandSuffix
                : "semiont db push --force-reset" + commandSuffix + "   (drops all data; or change the schema)";
        log.warn("The database has pending schema changes that were NOT applied because they could lose data:");
        warnings.forEach(w -> log.warn("  - {}", w));
        unexecutable.forEach(u -> log.warn("  - (cannot run) {}", u));
        log.warn("To apply them: {}", command);
        return new SchemaState(SchemaState.Status.PENDING_CHANGES, warnings, unexecutable, command);
    }
}
