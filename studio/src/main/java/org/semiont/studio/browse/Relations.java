package org.semiont.studio.browse;

import java.util.ArrayList;
import java.util.List;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

/**
 * The links a row view shows: the application's relations (its schema declares no foreign keys: rows are projected
 * from the log in any order) and every single-column foreign key of the live schema, both ways.
 */
public final class Relations {
    private static final List<Known> KNOWN = List.of(
            new Known("annotations", "documentId", "documents", "id"),
            new Known("annotations", "creatorId", "users", "id"),
            new Known("documents", "creatorId", "users", "id"),
            new Known("documents", "sourceDocumentId", "documents", "id"),
            new Known("documents", "sourceAnnotationId", "annotations", "id"),
            new Known("sessions", "userId", "users", "id"),
            new Known("user_credentials", "userId", "users", "id"));

    private record Known(String table, String column, String target, String targetColumn) {
    }

    private Relations() {
    }

    public static List<Relation> of(SqlSchema schema, Table table) {
        List<Relation> out = new ArrayList<>();
        for (Known k : KNOWN) {
            if (k.table.equals(table.name()) && table.column(k.column).isPresent() && schema.table(table.namespace(), k.target).isPresent()) {
                out.add(Relation.toOne(k.column, k.target));
            }
            if (k.target.equals(table.name()) && schema.table(table.namespace(), k.table).isPresent()) {
                out.add(Relation.toMany(k.table + " by " + k.column, k.targetColumn, k.table, k.column, Filter.Op.EQ));
            }
        }
        if (table.name().equals("documents") && schema.table(table.namespace(), "annotations").isPresent()) {
            out.add(Relation.toMany("backlinks (annotations linking here)", "id", "annotations", "linkedDocuments", Filter.Op.HAS));
        }
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.columns().size() != 1) {
                    continue;
                }
                if (t.name().equals(table.name())) {
                    out.add(Relation.toOne(fk.columns().get(0), fk.referencedTable()));
                }
                if (fk.referencedTable().equals(table.name())) {
                    out.add(Relation.toMany(t.name() + " by " + fk.columns().get(0), fk.referencedColumns().get(0), t.name(),
                            fk.columns().get(0), Filter.Op.EQ));
                }
            }
        }
        return out;
    }
}
