package org.semiont.schema.own;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

/**
 * Checks that a schema extends a base one: every base table and enum is there, with the same columns, primary key,
 * indexes and foreign keys (more non-unique indexes are allowed), and no new foreign key points at a table that is
 * emptied and refilled wholesale ({@code rebuiltTables}: PostgreSQL refuses to TRUNCATE a table another table
 * references, and CASCADE would empty the referencing table too). Pure; problems are collected, not thrown.
 */
public final class SchemaExtension {
    private SchemaExtension() {
    }

    public static List<String> problems(SqlSchema base, SqlSchema extended, Set<String> rebuiltTables) {
        List<String> problems = new ArrayList<>();
        for (Table table : base.tables()) {
            Optional<Table> ext = extended.table(table.namespace(), table.name());
            if (ext.isEmpty()) {
                problems.add("table `" + table.name() + "` is missing: keep its model as the bundled schema has it");
            } else {
                compare(table, ext.get(), problems);
            }
        }
        for (EnumType e : base.enums()) {
            if (!extended.enumType(e.namespace(), e.name()).map(e::equals).orElse(false)) {
                problems.add("enum `" + e.name() + "` must stay as the bundled schema has it " + e.values());
            }
        }
        for (Table table : extended.tables()) {
            boolean own = base.table(table.namespace(), table.name()).isEmpty();
            for (ForeignKey fk : table.foreignKeys()) {
                if (own && rebuiltTables.contains(fk.referencedTable())) {
                    problems.add(referencesRebuilt(table, fk));
                }
            }
        }
        return problems;
    }

    private static String referencesRebuilt(Table table, ForeignKey fk) {
        return "table `" + table.name() + "` would get the foreign key `" + fk.constraintName() + "` to `"
                + fk.referencedTable() + "`, a projection that `semiont projections rebuild` empties and refills from the"
                + " event log (PostgreSQL refuses to empty a table that others reference). Keep the relation without a"
                + " database foreign key: add relationMode = \"prisma\" to the datasource block";
    }

    private static void compare(Table base, Table ext, List<String> problems) {
        String name = "table `" + base.name() + "`";
        if (!base.columns().equals(ext.columns())) {
            problems.add(name + " must keep the bundled columns unchanged, and no others: the server writes and reads"
                    + " them (" + columnNames(base) + "); put your fields in a model of your own");
        }
        if (!java.util.Objects.equals(base.primaryKey(), ext.primaryKey())) {
            problems.add(name + " must keep its primary key " + base.primaryKey());
        }
        for (Index ix : base.indexes()) {
            if (!ext.indexes().contains(ix)) {
                problems.add(name + " must keep the index `" + ix.name() + "` unchanged");
            }
        }
        for (Index ix : ext.indexes()) {
            if (ix.unique() && !base.indexes().contains(ix)) {
                problems.add(name + " must not get the unique index `" + ix.name() + "`: it could refuse what the event log holds");
            }
        }
        if (!base.foreignKeys().equals(ext.foreignKeys())) {
            problems.add(name + " must keep the bundled foreign keys, and no others");
        }
    }

    private static String columnNames(Table t) {
        return String.join(", ", t.columns().stream().map(c -> c.name()).toList());
    }
}
