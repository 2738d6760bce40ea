package org.semiont.schema.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.semiont.schema.check.CheckReport;
import org.semiont.schema.check.CheckPlanner;
import org.semiont.schema.check.Counts;
import org.semiont.schema.check.Finding;
import org.semiont.schema.describe.DescribedSchema;
import org.semiont.schema.diff.Migration;
import org.semiont.schema.diff.SchemaDiffer;
import org.semiont.schema.diff.SchemaPair;
import org.semiont.schema.diff.Step;
import org.semiont.schema.online.OnlinePlan;
import org.semiont.schema.render.SqlRenderer;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.target.TargetSchema;

/**
 * Writes the next migration from the schema the existing migrations produce and the schema file: the up script, online
 * safe as a start-up push is (new indexes on existing tables built CONCURRENTLY and run alone, foreign keys added
 * NOT VALID then validated alone), and the down script that returns to the previous schema. Pure: no I/O.
 */
public final class MigrationDrafter {
    private final SchemaDiffer differ = new SchemaDiffer();
    private final CheckPlanner planner = new CheckPlanner();

    public MigrationDraft draft(DescribedSchema previous, TargetSchema target) {
        SchemaPair upPair = new SchemaPair(previous.schema(), target.sql(), previous.constraintIndexes());
        Migration up = differ.diff(upPair);
        if (up.isEmpty()) {
            return new MigrationDraft("-- This is an empty migration.\n", "-- This is an empty migration.\n", List.of(), List.of());
        }
        CheckReport report = planner.plan(up, upPair, target.prismaLevelDefaults()).evaluate(Counts.unknown());
        List<Finding> findings = new ArrayList<>(report.unexecutable());
        findings.addAll(report.warnings());
        Migration down = differ.diff(new SchemaPair(target.sql(), previous.schema(), Set.of()));
        List<String> changes = up.steps().stream().map(Step::summary).toList();
        String upText = script(header(changes, findings), OnlinePlan.of(up, SqlRenderer.forSchemas(previous.schema(), target.sql())));
        List<String> downChanges = down.steps().stream().map(Step::summary).toList();
        String downText = script(header(downChanges, List.of()),
                OnlinePlan.of(down, SqlRenderer.forSchemas(target.sql(), previous.schema())));
        return new MigrationDraft(upText, downText, changes, findings);
    }

    /** The first migration of a database that already has the schema: everything from an empty database. */
    public MigrationDraft fromEmpty(TargetSchema target) {
        return draft(new DescribedSchema(SqlSchema.empty(target.sql().namespaces()), Set.of()), target);
    }

    private static String header(List<String> changes, List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        changes.forEach(c -> out.append("-- ").append(c).append('\n'));
        if (!findings.isEmpty()) {
            out.append("--\n-- Warnings:\n");
            findings.forEach(f -> out.append("--   ").append(f.message()).append('\n'));
        }
        return out.toString();
    }

    static String script(String header, OnlinePlan plan) {
        StringBuilder out = new StringBuilder(header).append('\n');
        plan.inTransaction().forEach(sql -> out.append(sql).append(";\n\n"));
        for (String sql : plan.alone()) {
            out.append(SqlScript.ALONE_MARKER).append(" (runs outside a transaction, after the statements above)\n")
                    .append(sql).append(";\n\n");
        }
        return out.toString();
    }
}
