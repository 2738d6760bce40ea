package org.semiont.schema.own;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

/**
 * Splits the live schema into what the target declares (tables, their declared columns, indexes and
 * foreign keys, enums, matched by name) and the rest, the foreign objects. A diff of the owned part
 * against the target creates and alters only declared objects and never drops anything undeclared.
 * Pure: no I/O.
 */
public final class Ownership {
    private Ownership() {
    }

    public static Scoped scope(SqlSchema live, SqlSchema target) {
        List<ForeignObject> foreign = new ArrayList<>();
        List<Table> owned = new ArrayList<>();
        for (Table table : live.tables()) {
            Optional<Table> declared = target.table(table.namespace(), table.name());
            if (declared.isEmpty()) {
                foreign.add(new ForeignObject(ForeignObject.Kind.TABLE, table.namespace(), table.name(), table.name()));
            } else {
                owned.add(ownedPart(table, declared.get(), foreign));
            }
        }
        List<EnumType> enums = new ArrayList<>();
        for (EnumType e : live.enums()) {
            if (target.enumType(e.namespace(), e.name()).isPresent()) {
                enums.add(e);
            } else {
                foreign.add(new ForeignObject(ForeignObject.Kind.ENUM, e.namespace(), null, e.name()));
            }
        }
        return new Scoped(new SqlSchema(live.namespaces(), owned, enums), foreign);
    }

    private static Table ownedPart(Table live, Table declared, List<ForeignObject> foreign) {
        List<Column> columns = new ArrayList<>();
        for (Column c : live.columns()) {
            if (declared.column(c.name()).isPresent()) {
                columns.add(c);
            } else {
                foreign.add(of(ForeignObject.Kind.COLUMN, live, c.name()));
            }
        }
        List<Index> indexes = new ArrayList<>();
        for (Index ix : live.indexes()) {
            if (declared.indexes().stream().anyMatch(d -> d.name().equals(ix.name()))) {
                indexes.add(ix);
            } else {
                foreign.add(of(ForeignObject.Kind.INDEX, live, ix.name()));
            }
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKey fk : live.foreignKeys()) {
            if (declared.foreignKeys().stream().anyMatch(d -> d.constraintName().equals(fk.constraintName()))) {
                fks.add(fk);
            } else {
                foreign.add(of(ForeignObject.Kind.FOREIGN_KEY, live, fk.constraintName()));
            }
        }
        return new Table(live.namespace(), live.name(), columns, live.primaryKey(), indexes, fks);
    }

    private static ForeignObject of(ForeignObject.Kind kind, Table table, String name) {
        return new ForeignObject(kind, table.namespace(), table.name(), name);
    }

    /** @param owned the live objects the target declares; @param foreign the rest, in catalog order */
    public record Scoped(SqlSchema owned, List<ForeignObject> foreign) {
        public Scoped {
            foreign = List.copyOf(foreign);
        }
    }
}
