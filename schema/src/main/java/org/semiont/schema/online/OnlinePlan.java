package org.semiont.schema.online;

import java.util.ArrayList;
import java.util.List;
import org.semiont.schema.diff.Migration;
import org.semiont.schema.diff.Step;
import org.semiont.schema.render.SqlRenderer;

/**
 * Splits a migration's statements into what runs in the push's transaction and what runs alone after it commits,
 * so writers are not held up by long locks: a new non-unique index on an existing table is built
 * {@code CONCURRENTLY} (writes go on while it builds), and a foreign key on an existing table is added
 * {@code NOT VALID} (a brief lock) and validated afterwards (a lock that lets writes through).
 * Pure: no I/O.
 *
 * @param inTransaction statements for the transaction, in order
 * @param alone         statements that must run outside a transaction, one by one, after the commit
 */
public record OnlinePlan(List<String> inTransaction, List<String> alone) {
    public OnlinePlan {
        inTransaction = List.copyOf(inTransaction);
        alone = List.copyOf(alone);
    }

    public static OnlinePlan of(Migration migration, SqlRenderer renderer) {
        List<String> tx = new ArrayList<>();
        List<String> alone = new ArrayList<>();
        for (Step step : migration.steps()) {
            List<String> sql = renderer.render(step);
            if (step instanceof Step.CreateIndex ix && ix.onExistingTable() && !ix.index().unique() && sql.size() == 1) {
                alone.add(sql.get(0).replaceFirst("^CREATE INDEX ", "CREATE INDEX CONCURRENTLY "));
            } else if (step instanceof Step.AddForeignKey fk && fk.onExistingTable() && sql.size() == 1) {
                tx.add(sql.get(0) + " NOT VALID");
                alone.add("ALTER TABLE " + qualified(fk.table()) + " VALIDATE CONSTRAINT " + quote(fk.foreignKey().constraintName()));
            } else {
                tx.addAll(sql);
            }
        }
        return new OnlinePlan(tx, alone);
    }

    public List<String> all() {
        List<String> all = new ArrayList<>(inTransaction);
        all.addAll(alone);
        return all;
    }

    private static String qualified(Step.TableRef t) {
        return quote(t.namespace()) + "." + quote(t.name());
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
