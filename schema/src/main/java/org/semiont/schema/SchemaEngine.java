package org.semiont.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.semiont.schema.describe.DescribedSchema;
import org.semiont.schema.describe.SchemaDescriber;
import org.semiont.schema.diff.Migration;
import org.semiont.schema.diff.SchemaDiffer;
import org.semiont.schema.diff.SchemaPair;
import org.semiont.schema.diff.Step;
import org.semiont.schema.migrate.Migrator;
import org.semiont.schema.own.ForeignObject;
import org.semiont.schema.own.Ownership;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.psl.PslParser;
import org.semiont.schema.pull.PullResult;
import org.semiont.schema.pull.SchemaPuller;
import org.semiont.schema.render.SqlRenderer;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.target.TargetCalculator;
import org.semiont.schema.target.TargetSchema;

/**
 * The schema engine: keeps a database in sync with a {@code schema.prisma} (push), shows what differs
 * (diff), turns a database into a schema (pull), and resets development databases (reset).
 * Every call opens its own connections; the engine holds no state between calls.
 */
public final class SchemaEngine {
    private final DatabaseAccess access;
    private final Pusher pusher;
    private final SchemaDescriber describer = new SchemaDescriber();
    private final EngineOptions options;

    public SchemaEngine(SchemaDatabase db, EngineOptions options) {
        this.access = new DatabaseAccess(db, options.lockTimeout());
        this.pusher = new Pusher(access, options);
        this.options = options;
    }

    /** Versioned migrations (Prisma Migrate's layout and history table) on the same database and options. */
    public Migrator migrator() {
        return new Migrator(access.database(), options);
    }

    /** Parses and validates the schema, then pushes it. Throws SCHEMA_INVALID for a bad file. */
    public PushResult push(String schemaFileName, String pslText, PushOptions options) {
        return push(target(schemaFileName, pslText), options);
    }

    /** Pushes an already computed target (for callers that hold one, and tests). */
    public PushResult push(TargetSchema target, PushOptions options) {
        return pusher.push(target, options);
    }

    /** What a push would do, without checks or changes. A missing database counts as empty. */
    public DiffResult diff(String schemaFileName, String pslText) {
        return diff(target(schemaFileName, pslText).sql());
    }

    public DiffResult diff(SqlSchema target) {
        return diff(target, false);
    }

    /**
     * With {@code declaredOnly}, what a start-up sync would do: objects the target does not declare are left out of
     * the diff and listed as foreign objects instead.
     */
    public DiffResult diff(SqlSchema target, boolean declaredOnly) {
        DescribedSchema described = describeOrEmpty(target.namespaces());
        SqlSchema live = described.schema();
        List<ForeignObject> foreign = List.of();
        if (declaredOnly) {
            Ownership.Scoped scoped = Ownership.scope(live, target);
            live = scoped.owned();
            foreign = scoped.foreign();
        }
        SchemaPair pair = new SchemaPair(live, target, described.constraintIndexes());
        Migration migration = new SchemaDiffer().diff(pair);
        List<String> statements = SqlRenderer.forSchemas(live, target).render(migration);
        return new DiffResult(statements, migration.steps().stream().map(Step::summary).toList(), foreign);
    }

    /** Parses and validates a schema file into the database shape it declares (SCHEMA_INVALID for a bad file). */
    public TargetSchema target(String schemaFileName, String pslText) {
        PrismaSchema schema = PslParser.parse(schemaFileName, pslText);
        return TargetCalculator.calculate(schema, access.database().defaultNamespace());
    }

    /** The live database as a schema file; an existing file keeps its names, @maps and Prisma-level defaults. */
    public PullResult pull(Optional<String> existingPslText) {
        Optional<PrismaSchema> previous = existingPslText.map(text -> PslParser.parse("schema.prisma", text));
        List<String> namespaces = previous.map(PrismaSchema::datasource)
                .filter(ds -> ds != null && !ds.schemas().isEmpty())
                .map(ds -> ds.schemas())
                .orElse(List.of(access.database().defaultNamespace()));
        try (Connection c = access.connect()) {
            return SchemaPuller.pull(describer.describe(c, namespaces).schema(), previous);
        } catch (SQLException e) {
            throw access.queryFailure("read the database schema", e);
        }
    }

    /** Drops and recreates the schema's namespaces, then pushes the schema (development databases only). */
    public PushResult reset(String schemaFileName, String pslText) {
        return push(target(schemaFileName, pslText), new PushOptions(true, true));
    }

    private DescribedSchema describeOrEmpty(List<String> namespaces) {
        DatabaseAccess.Opened opened = access.connectExisting();
        if (opened == null) {
            return new DescribedSchema(SqlSchema.empty(List.of()), Set.of());
        }
        try (Connection c = opened.connection()) {
            return describer.describe(c, namespaces);
        } catch (SQLException e) {
            throw access.queryFailure("read the database schema", e);
        }
    }
}
