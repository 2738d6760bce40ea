package org.semiont.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.semiont.schema.apply.MigrationApplier;
import org.semiont.schema.apply.SchemaLock;
import org.semiont.schema.check.CheckPlan;
import org.semiont.schema.check.CheckPlanner;
import org.semiont.schema.check.CheckReport;
import org.semiont.schema.check.CountQueries;
import org.semiont.schema.check.Counts;
import org.semiont.schema.describe.DescribedSchema;
import org.semiont.schema.describe.SchemaDescriber;
import org.semiont.schema.diff.Migration;
import org.semiont.schema.diff.SchemaDiffer;
import org.semiont.schema.diff.SchemaPair;
import org.semiont.schema.own.ForeignObject;
import org.semiont.schema.own.Ownership;
import org.semiont.schema.online.AloneStatements;
import org.semiont.schema.online.OnlinePlan;
import org.semiont.schema.render.SqlRenderer;
import org.semiont.schema.sql.Identifiers;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.target.TargetSchema;

/**
 * One push: a cheap in-sync check without locks, then — only if something differs — the advisory lock,
 * a fresh describe, the checks and the statements, all in one transaction.
 */
final class Pusher {
    private final DatabaseAccess access;
    private final EngineOptions options;
    private final SchemaDescriber describer = new SchemaDescriber();
    private final SchemaDiffer differ = new SchemaDiffer();
    private final CheckPlanner planner = new CheckPlanner();
    private final SchemaLock lock = new SchemaLock();
    private final MigrationApplier applier = new MigrationApplier();

    Pusher(DatabaseAccess access, EngineOptions options) {
        this.access = access;
        this.options = options;
    }

    PushResult push(TargetSchema target, PushOptions pushOptions) {
        Instant start = options.clock().instant();
        DatabaseAccess.Opened opened = access.connectCreating();
        boolean created = opened.createdDatabase();
        try (Connection c = opened.connection()) {
            if (!pushOptions.forceReset()) {
                Scoped scoped = describe(c, target.sql(), pushOptions.declaredOnly());
                if (differ.diff(pair(scoped, target.sql())).isEmpty()) {
                    return new PushResult(false, List.of(), List.of(), List.of(), since(start), created, List.of(),
                            scoped.foreign());
                }
            }
            return pushOptions.declaredOnly() ? withRetries(c, target, pushOptions, start, created)
                    : inTransaction(c, target, pushOptions, start, created);
        } catch (SQLException e) {
            throw access.queryFailure("push the schema", e);
        }
    }

    /** The live schema, or with {@code declaredOnly} its part the target declares, and the foreign rest. */
    Scoped describe(Connection c, SqlSchema target, boolean declaredOnly) throws SQLException {
        DescribedSchema live = describer.describe(c, target.namespaces());
        if (!declaredOnly) {
            return new Scoped(live, List.of());
        }
        Ownership.Scoped scoped = Ownership.scope(live.schema(), target);
        return new Scoped(new DescribedSchema(scoped.owned(), live.constraintIndexes()), scoped.foreign());
    }

    record Scoped(DescribedSchema live, List<ForeignObject> foreign) {
    }

    private static SchemaPair pair(Scoped scoped, SqlSchema target) {
        return new SchemaPair(scoped.live().schema(), target, scoped.live().constraintIndexes());
    }

    /**
     * An online push: its transaction waits at most {@link #ONLINE_LOCK_TIMEOUT} for a table lock, so writers never
     * queue longer than that behind it, and is tried again (a fresh describe each time) up to {@link #ONLINE_ATTEMPTS}
     * times; then the statements that run alone (concurrent index builds, validations) run with the same bound.
     */
    private PushResult withRetries(Connection c, TargetSchema target, PushOptions pushOptions, Instant start,
                                   boolean created) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            List<String> afterCommit = new ArrayList<>();
            try {
                PushResult result = inTransaction(c, target, pushOptions, start, created, afterCommit);
                new AloneStatements(ONLINE_LOCK_TIMEOUT, ONLINE_ATTEMPTS).run(c, afterCommit);
                return result;
            } catch (SchemaException e) {
                if (e.error() != SchemaError.SCHEMA_LOCK_TIMEOUT || !afterCommit.isEmpty() || attempt >= ONLINE_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    static final Duration ONLINE_LOCK_TIMEOUT = Duration.ofMillis(100);
    static final int ONLINE_ATTEMPTS = 10;

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2000, 50L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaException(SchemaError.SCHEMA_LOCK_TIMEOUT, "Interrupted while retrying the schema push.", e);
        }
    }

    private PushResult inTransaction(Connection c, TargetSchema target, PushOptions pushOptions, Instant start,
                                     boolean created) throws SQLException {
        return inTransaction(c, target, pushOptions, start, created, null);
    }

    /** @param afterCommit null for a plain push; else receives the statements to run alone once this one commits */
    private PushResult inTransaction(Connection c, TargetSchema target, PushOptions pushOptions, Instant start,
                                     boolean created, List<String> afterCommit) throws SQLException {
        c.setAutoCommit(false);
        try {
            lock.acquire(c, options.lockWait(), afterCommit == null ? options.lockTimeout() : ONLINE_LOCK_TIMEOUT,
                    access.database().displayName());
            List<String> statements = new ArrayList<>();
            Scoped live;
            if (pushOptions.forceReset()) {
                statements.addAll(reset(target.sql().namespaces()));
                live = new Scoped(new DescribedSchema(SqlSchema.empty(target.sql().namespaces()), Set.of()), List.of());
            } else {
                live = describe(c, target.sql(), pushOptions.declaredOnly());
            }
            PushResult result = checkAndApply(c, live.live(), target, pushOptions, statements, start, created, afterCommit)
                    .withForeignObjects(live.foreign());
            if (result.applied()) {
                c.commit();
            } else {
                c.rollback();
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private PushResult checkAndApply(Connection c, DescribedSchema live, TargetSchema target, PushOptions pushOptions,
                                     List<String> statements, Instant start, boolean created, List<String> afterCommit)
            throws SQLException {
        SchemaPair pair = new SchemaPair(live.schema(), target.sql(), live.constraintIndexes());
        Migration migration = differ.diff(pair);
        if (migration.isEmpty() && statements.isEmpty()) {
            return new PushResult(false, List.of(), List.of(), List.of(), since(start), created, List.of());
        }
        CheckPlan plan = planner.plan(migration, pair, target.prismaLevelDefaults());
        Counts counts = new CountQueries(options.clock()).run(c, plan.queries(), options.checkBudget());
        CheckReport report = plan.evaluate(counts);
        SqlRenderer renderer = SqlRenderer.forSchemas(live.schema(), target.sql());
        List<String> alone = List.of();
        if (afterCommit == null) {
            statements.addAll(renderer.render(migration));
        } else {
            OnlinePlan online = OnlinePlan.of(migration, renderer);
            statements.addAll(online.inTransaction());
            alone = online.alone();
        }
        boolean refused = !report.unexecutable().isEmpty() || (!report.warnings().isEmpty() && !pushOptions.acceptDataLoss());
        if (!refused) {
            applier.apply(c, statements, afterCommit == null ? options.lockTimeout() : ONLINE_LOCK_TIMEOUT);
            if (afterCommit != null) {
                afterCommit.addAll(alone);
            }
        }
        statements.addAll(alone);
        List<String> changes = new ArrayList<>(resetChanges(statements));
        migration.steps().forEach(step -> changes.add(step.summary() + rewriteNote(step)));
        return new PushResult(!refused, statements, report.warnings(), report.unexecutable(), since(start), created, changes);
    }

    /**
     * A type change other than a few binary-compatible ones (varchar widening, …) rewrites the whole table under an
     * ACCESS EXCLUSIVE lock: every read and write of it waits until the rewrite ends. Flagged, not refused.
     */
    static String rewriteNote(org.semiont.schema.diff.Step step) {
        if (step instanceof org.semiont.schema.diff.Step.AlterColumn a && a.typeChanged()) {
            return " (may rewrite table `" + a.table().name() + "` under an exclusive lock: its reads and writes wait until"
                    + " it ends; on a large table, run it in a quiet hour)";
        }
        return "";
    }

    private static List<String> resetChanges(List<String> statements) {
        return statements.stream().filter(s -> s.startsWith("DROP SCHEMA"))
                .map(s -> "reset " + s.substring("DROP SCHEMA IF EXISTS ".length(), s.length() - " CASCADE".length())
                        + " (drop everything in it)").toList();
    }

    /** DROP and CREATE of each namespace; they run first, in the same transaction as the push. */
    private static List<String> reset(List<String> namespaces) {
        List<String> statements = new ArrayList<>();
        for (String ns : namespaces) {
            statements.add("DROP SCHEMA IF EXISTS " + Identifiers.quote(ns) + " CASCADE");
            statements.add("CREATE SCHEMA " + Identifiers.quote(ns));
        }
        return statements;
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private Duration since(Instant start) {
        return Duration.between(start, options.clock().instant());
    }
}
