package org.semiont.schema.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.semiont.schema.EngineOptions;
import org.semiont.schema.SchemaDatabase;
import org.semiont.schema.SchemaError;
import org.semiont.schema.SchemaException;
import org.semiont.schema.check.CheckPlanner;
import org.semiont.schema.check.CheckReport;
import org.semiont.schema.check.CountQueries;
import org.semiont.schema.describe.DescribedSchema;
import org.semiont.schema.describe.SchemaDescriber;
import org.semiont.schema.diff.Migration;
import org.semiont.schema.diff.SchemaDiffer;
import org.semiont.schema.diff.SchemaPair;
import org.semiont.schema.diff.Step;
import org.semiont.schema.own.Ownership;
import org.semiont.schema.target.TargetSchema;

/**
 * Versioned migrations in Prisma Migrate's layout and history table: draft the next one, deploy pending ones, report,
 * resolve, baseline and roll back. Every verb that changes the database holds the migration lock (a session advisory
 * lock) while it reads the history and acts, so concurrent deploys apply each migration once.
 */
public final class Migrator {
    private final SchemaDatabase db;
    private final EngineOptions options;
    private final HistoryTable history;

    public Migrator(SchemaDatabase db, EngineOptions options) {
        this.db = db;
        this.options = options;
        this.history = new HistoryTable(db.defaultNamespace());
    }

    /** The next migration: the migrations replayed in a shadow database, against the schema. Changes nothing. */
    public MigrationDraft draft(List<LocalMigration> local, TargetSchema target) {
        try (ShadowDatabase shadow = ShadowDatabase.create(db)) {
            local.forEach(shadow::replay);
            return new MigrationDrafter().draft(shadow.describe(target.sql().namespaces()), target);
        }
    }

    /** The directory against the history; a database that does not exist yet has every migration pending. */
    public MigrationStatus status(List<LocalMigration> local) {
        if (!databaseExists()) {
            return MigrationStatus.of(local, List.of());
        }
        try (Connection c = connect()) {
            return MigrationStatus.of(local, history.read(c));
        } catch (SQLException e) {
            throw failure("read the migration history", e);
        }
    }

    /** Applies the pending migrations in order; refuses (changing nothing) when one applied changed or one failed. */
    public DeployResult deploy(List<LocalMigration> local) {
        Instant start = options.clock().instant();
        try (Connection c = connectCreating(); MigrationLock lock = MigrationLock.acquire(c, options.lockWait(), db.displayName())) {
            history.create(c);
            MigrationStatus status = MigrationStatus.of(local, history.read(c));
            refuseDrift(status);
            ScriptRunner runner = new ScriptRunner(history, options.lockTimeout());
            List<String> applied = new ArrayList<>();
            for (LocalMigration m : local) {
                if (status.pending().contains(m.name())) {
                    runner.apply(c, m);
                    applied.add(m.name());
                }
            }
            return new DeployResult(applied, status.missingLocally(), Duration.between(start, options.clock().instant()));
        } catch (SQLException e) {
            throw failure("deploy the migrations", e);
        }
    }

    /** Records {@code name} as applied without running it (its failed attempts are marked rolled back). */
    public void resolveApplied(List<LocalMigration> local, String name) {
        LocalMigration m = local.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() ->
                new SchemaException(SchemaError.MIGRATION_INVALID, "There is no migration `" + name + "` in the migrations directory."));
        inLock("resolve " + name, c -> {
            if (MigrationStatus.of(local, history.read(c)).applied().contains(name)) {
                throw new SchemaException(SchemaError.MIGRATION_STATE, "Migration `" + name + "` is already recorded as applied.");
            }
            history.markFailedRolledBack(c, name);
            history.recordApplied(c, m);
        });
    }

    /** Marks the failed attempt of {@code name} as rolled back, so the next deploy runs it again. */
    public void resolveRolledBack(String name) {
        inLock("resolve " + name, c -> {
            if (history.markFailedRolledBack(c, name) == 0) {
                throw new SchemaException(SchemaError.MIGRATION_STATE, "Migration `" + name + "` has no failed attempt to mark as"
                        + " rolled back ('--rolled-back' is for failed migrations; 'semiont migrate rollback' undoes applied ones).");
            }
        });
    }

    /**
     * The first migration for a database that already has the schema: writes {@code name} from an empty database to the
     * schema and records it as applied. Refused when migrations exist or the database's declared objects differ.
     */
    public LocalMigration baseline(MigrationsFolder folder, TargetSchema target, String name) {
        if (!folder.read().isEmpty()) {
            throw new SchemaException(SchemaError.MIGRATION_STATE, "The migrations directory " + folder.path()
                    + " has migrations already; a baseline must be the first one.");
        }
        List<String> differences = declaredDifferences(target);
        if (!differences.isEmpty()) {
            throw new SchemaException(SchemaError.MIGRATION_STATE, "The database does not have the schema yet, so it cannot be"
                    + " baselined (" + differences.size() + " changes needed). Run 'semiont db push' or 'semiont migrate deploy'"
                    + " instead.", differences, null);
        }
        MigrationDraft draft = new MigrationDrafter().fromEmpty(target);
        LocalMigration[] written = new LocalMigration[1];
        inLock("baseline", c -> {
            if (history.read(c).stream().anyMatch(HistoryRow::applied)) {
                throw new SchemaException(SchemaError.MIGRATION_STATE, "The database has applied migrations already; a baseline"
                        + " is for a database that never had any.");
            }
            written[0] = folder.write(name, draft.up(), draft.down());
            history.recordApplied(c, written[0]);
        });
        return written[0];
    }

    /** What the database's declared objects lack against the schema (empty: in sync); foreign objects do not count. */
    public List<String> declaredDifferences(TargetSchema target) {
        try (Connection c = connect()) {
            DescribedSchema live = new SchemaDescriber().describe(c, target.sql().namespaces());
            Ownership.Scoped scoped = Ownership.scope(live.schema(), target.sql());
            Migration m = new SchemaDiffer().diff(new SchemaPair(scoped.owned(), target.sql(), live.constraintIndexes()));
            return m.steps().stream().map(Step::summary).toList();
        } catch (SQLException e) {
            throw failure("read the database schema", e);
        }
    }

    /**
     * Rolls back the last applied migration, or every one after {@code to}, running their down.sql files newest first.
     * The schema change is checked against the live data as {@code db push} checks it; with warnings and no
     * {@code acceptDataLoss}, or unexecutable changes, nothing runs.
     *
     * @param namespaces the PostgreSQL schemas the migrations use (the schema file's)
     */
    public RollbackResult rollback(List<LocalMigration> local, Optional<String> to, boolean acceptDataLoss, List<String> namespaces) {
        try (Connection c = connect(); MigrationLock lock = MigrationLock.acquire(c, options.lockWait(), db.displayName())) {
            RollbackSelection selection = RollbackSelection.of(local, MigrationStatus.of(local, history.read(c)), to);
            List<String> names = newestFirst(selection.undone()).stream().map(LocalMigration::name).toList();
            if (selection.undone().isEmpty()) {
                return new RollbackResult(false, List.of(), List.of(), List.of(), List.of());
            }
            SchemaPair pair = rollbackPair(selection, namespaces);
            Migration migration = new SchemaDiffer().diff(pair);
            CheckReport report = check(c, migration, pair);
            List<String> changes = migration.steps().stream().map(Step::summary).toList();
            if (!report.unexecutable().isEmpty() || (!report.warnings().isEmpty() && !acceptDataLoss)) {
                return new RollbackResult(false, names, changes, report.warnings(), report.unexecutable());
            }
            ScriptRunner runner = new ScriptRunner(history, options.lockTimeout());
            for (LocalMigration m : newestFirst(selection.undone())) {
                runner.undo(c, m);
            }
            return new RollbackResult(true, names, changes, report.warnings(), report.unexecutable());
        } catch (SQLException e) {
            throw failure("roll back", e);
        }
    }

    /** The schema the applied migrations produce, and the one the kept ones produce, both replayed in one shadow. */
    private SchemaPair rollbackPair(RollbackSelection selection, List<String> namespaces) {
        try (ShadowDatabase shadow = ShadowDatabase.create(db)) {
            selection.kept().forEach(shadow::replay);
            DescribedSchema after = shadow.describe(namespaces);
            selection.undone().forEach(shadow::replay);
            DescribedSchema now = shadow.describe(namespaces);
            return new SchemaPair(now.schema(), after.schema(), now.constraintIndexes());
        }
    }

    private CheckReport check(Connection c, Migration migration, SchemaPair pair) throws SQLException {
        var plan = new CheckPlanner().plan(migration, pair, Set.of());
        c.setAutoCommit(false);
        try {
            return plan.evaluate(new CountQueries(options.clock()).run(c, plan.queries(), options.checkBudget()));
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static List<LocalMigration> newestFirst(List<LocalMigration> migrations) {
        List<LocalMigration> out = new ArrayList<>(migrations);
        java.util.Collections.reverse(out);
        return out;
    }

    private static void refuseDrift(MigrationStatus status) {
        if (!status.modified().isEmpty()) {
            throw new SchemaException(SchemaError.MIGRATION_MODIFIED, "Refusing to deploy: applied migration(s) "
                    + String.join(", ", status.modified()) + " changed since they were applied (checksum mismatch)."
                    + " Restore the applied migration.sql from version control; put new changes in a new migration.");
        }
        if (!status.failed().isEmpty()) {
            throw new SchemaException(SchemaError.MIGRATION_FAILED, "Refusing to deploy: migration(s) "
                    + String.join(", ", status.failed()) + " failed earlier. Fix the database, then run 'semiont migrate resolve"
                    + " --rolled-back NAME' (to run it again) or '--applied NAME' (if you finished it by hand).");
        }
    }

    private interface LockedBody {
        void run(Connection c) throws SQLException;
    }

    private void inLock(String what, LockedBody body) {
        try (Connection c = connect(); MigrationLock lock = MigrationLock.acquire(c, options.lockWait(), db.displayName())) {
            history.create(c);
            body.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private boolean databaseExists() {
        try {
            db.connect().close();
            return true;
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return false;
            }
            throw new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not connect to " + db.displayName() + ": "
                    + e.getMessage() + " Check the database URL and that PostgreSQL is running.", e);
        }
    }

    /** A connection, creating the database first when PostgreSQL says it does not exist (as {@code db push} does). */
    private Connection connectCreating() {
        if (!databaseExists()) {
            createDatabase();
        }
        return connect();
    }

    private void createDatabase() {
        try (Connection c = db.connectMaintenance(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + org.semiont.schema.sql.Identifiers.quote(db.databaseName()));
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not create the database \"" + db.databaseName()
                        + "\" on " + db.displayName() + ": " + e.getMessage() + " Create it yourself or use a role that may"
                        + " create databases.", e);
            }
        }
    }

    private Connection connect() {
        try {
            Connection c = db.connect();
            try (Statement st = c.createStatement()) {
                st.execute("SET lock_timeout = " + Math.max(1, options.lockTimeout().toMillis()));
            }
            return c;
        } catch (SQLException e) {
            throw new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not connect to " + db.displayName() + ": "
                    + e.getMessage() + " Check the database URL and that PostgreSQL is running.", e);
        }
    }

    private SchemaException failure(String what, SQLException e) {
        return new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not " + what + " on " + db.displayName() + ": "
                + e.getMessage(), e);
    }
}
