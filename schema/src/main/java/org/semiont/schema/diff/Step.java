package org.semiont.schema.diff;

import java.util.List;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.PrimaryKey;
import org.semiont.schema.sql.Table;

/** One typed change of a migration; its {@link #phase()} fixes its place in the order. */
public sealed interface Step {
    Phase phase();

    /** The change for people, e.g. "add column `age` to table `User`". */
    String summary();

    /** A table as the steps refer to it. */
    record TableRef(String namespace, String name) {
        public static TableRef of(Table table) {
            return new TableRef(table.namespace(), table.name());
        }
    }

    record CreateNamespace(String namespace) implements Step {
        public Phase phase() { return Phase.CREATE_NAMESPACE; }
        public String summary() { return "create schema `" + namespace + "`"; }
    }

    record CreateEnum(EnumType enumType) implements Step {
        public Phase phase() { return Phase.CREATE_ENUM; }
        public String summary() { return "create enum `" + enumType.name() + "` " + enumType.values(); }
    }

    /** Values appended in place (ALTER TYPE … ADD VALUE); {@code before} holds, per value, the existing value it goes before, or null to append. */
    record AddEnumValues(EnumType previous, EnumType next, List<String> added, List<String> before) implements Step {
        public Phase phase() { return Phase.ALTER_ENUM; }
        public String summary() { return "add values " + added + " to enum `" + next.name() + "`"; }
    }

    /** The enum is rebuilt under a new name and the surviving columns converted (values removed or reordered). */
    record RecreateEnum(EnumType previous, EnumType next, List<String> removed, List<EnumColumn> columns) implements Step {
        public Phase phase() { return Phase.ALTER_ENUM; }
        public String summary() {
            return removed.isEmpty() ? "change enum `" + next.name() + "` to " + next.values()
                    : "remove values " + removed + " from enum `" + next.name() + "`";
        }
    }

    /** A live column of a recreated enum, with the default it must get back (null for none). */
    record EnumColumn(TableRef table, Column column, org.semiont.schema.sql.ColumnDefault targetDefault) { }

    record DropEnum(EnumType enumType) implements Step {
        public Phase phase() { return Phase.DROP_ENUM; }
        public String summary() { return "drop enum `" + enumType.name() + "`"; }
    }

    record CreateTable(Table table) implements Step {
        public Phase phase() { return Phase.CREATE_TABLE; }
        public String summary() { return "create table `" + table.name() + "`"; }
    }

    record DropTable(Table table) implements Step {
        public Phase phase() { return Phase.DROP_TABLE; }
        public String summary() { return "drop table `" + table.name() + "`"; }
    }

    /** {@code recreate}: the second half of a drop-and-recreate type change. */
    record AddColumn(TableRef table, Column column, boolean recreate) implements Step {
        public Phase phase() { return Phase.ADD_COLUMN; }
        public String summary() {
            return (recreate ? "recreate" : "add") + " column `" + column.name() + "` " + TypeNames.display(column.type())
                    + (column.nullable() ? "?" : "") + " on table `" + table.name() + "`";
        }
    }

    /** {@code recreatedAs}: the new column when this drop is the first half of a drop-and-recreate type change. */
    record DropColumn(TableRef table, Column column, Column recreatedAs) implements Step {
        public Phase phase() { return Phase.DROP_COLUMN; }
        public String summary() {
            return recreatedAs == null ? "drop column `" + column.name() + "` on table `" + table.name() + "`"
                    : "change type of column `" + column.name() + "` on table `" + table.name() + "` from "
                    + TypeNames.display(column.type()) + " to " + TypeNames.display(recreatedAs.type()) + " (drop and recreate)";
        }
    }

    /** An in-place column change; {@code cast} is null when the type does not change. */
    record AlterColumn(TableRef table, Column previous, Column next, CastKind cast) implements Step {
        public Phase phase() { return Phase.ALTER_COLUMN; }
        public boolean typeChanged() { return cast != null; }
        public boolean nullabilityChanged() { return previous.nullable() != next.nullable(); }
        public boolean autoincrementAdded() { return next.autoincrement() && !previous.autoincrement(); }
        public boolean autoincrementRemoved() { return previous.autoincrement() && !next.autoincrement(); }
        public boolean defaultChanged() { return !Defaults.same(previous, next); }
        public String summary() { return AlterColumnText.summary(this); }
    }

    record DropPrimaryKey(TableRef table, PrimaryKey primaryKey) implements Step {
        public Phase phase() { return Phase.DROP_PRIMARY_KEY; }
        public String summary() { return "drop primary key `" + primaryKey.constraintName() + "` on table `" + table.name() + "`"; }
    }

    record AddPrimaryKey(TableRef table, PrimaryKey primaryKey) implements Step {
        public Phase phase() { return Phase.ADD_PRIMARY_KEY; }
        public String summary() { return "add primary key " + primaryKey.columns() + " on table `" + table.name() + "`"; }
    }

    record RenamePrimaryKey(TableRef table, String from, String to) implements Step {
        public Phase phase() { return Phase.RENAME_CONSTRAINT; }
        public String summary() { return "rename primary key `" + from + "` to `" + to + "` on table `" + table.name() + "`"; }
    }

    /** {@code onExistingTable}: false for the indexes of a table created by the same migration. */
    record CreateIndex(TableRef table, Index index, boolean onExistingTable) implements Step {
        public Phase phase() { return Phase.CREATE_INDEX; }
        public String summary() {
            return "create " + (index.unique() ? "unique " : "") + "index `" + index.name() + "` on table `"
                    + table.name() + "` " + index.columnNames();
        }
    }

    /** {@code constraint}: the index backs a UNIQUE constraint and is dropped with the constraint. */
    record DropIndex(TableRef table, Index index, boolean constraint) implements Step {
        public Phase phase() { return Phase.DROP_INDEX; }
        public String summary() { return "drop index `" + index.name() + "` on table `" + table.name() + "`"; }
    }

    record RenameIndex(TableRef table, String from, String to) implements Step {
        public Phase phase() { return Phase.RENAME_CONSTRAINT; }
        public String summary() { return "rename index `" + from + "` to `" + to + "` on table `" + table.name() + "`"; }
    }

    record AddForeignKey(TableRef table, ForeignKey foreignKey, boolean onExistingTable) implements Step {
        public Phase phase() { return Phase.ADD_FOREIGN_KEY; }
        public String summary() {
            return "add foreign key `" + foreignKey.constraintName() + "` on table `" + table.name() + "` "
                    + foreignKey.columns() + " → `" + foreignKey.referencedTable() + "` " + foreignKey.referencedColumns();
        }
    }

    record DropForeignKey(TableRef table, ForeignKey foreignKey) implements Step {
        public Phase phase() { return Phase.DROP_FOREIGN_KEY; }
        public String summary() { return "drop foreign key `" + foreignKey.constraintName() + "` on table `" + table.name() + "`"; }
    }
}
