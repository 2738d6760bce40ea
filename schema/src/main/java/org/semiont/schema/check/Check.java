package org.semiont.schema.check;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.semiont.schema.diff.Step.TableRef;
import org.semiont.schema.sql.ForeignKey;

/**
 * A destructive-change check. It declares the counts it needs; evaluation is pure and also works with
 * {@link Counts#unknown()} (then the message says what could happen instead of what will).
 */
public sealed interface Check {
    List<CountQuery> needs();

    Optional<Outcome> evaluate(Counts counts);

    enum Severity { WARNING, UNEXECUTABLE }

    record Outcome(Severity severity, Finding finding) {
        static Optional<Outcome> warning(String code, String message) {
            return Optional.of(new Outcome(Severity.WARNING, new Finding(code, message)));
        }

        static Optional<Outcome> unexecutable(String code, String message) {
            return Optional.of(new Outcome(Severity.UNEXECUTABLE, new Finding(code, message)));
        }
    }

    private static String quoted(String name) {
        return "`" + name + "`";
    }

    /** Known and zero. */
    private static boolean zero(OptionalLong value) {
        return value.isPresent() && value.getAsLong() == 0;
    }

    record NonEmptyTableDrop(TableRef table) implements Check {
        public List<CountQuery> needs() { return List.of(new CountQuery.RowCount(table)); }

        public Optional<Outcome> evaluate(Counts counts) {
            OptionalLong rows = counts.get(new CountQuery.RowCount(table));
            String start = "You are about to drop the " + quoted(table.name()) + " table";
            if (zero(rows)) {
                return Optional.empty();
            }
            return Outcome.warning("NonEmptyTableDrop", rows.isPresent()
                    ? start + ", which is not empty (" + rows.getAsLong() + " rows)."
                    : start + ". If the table is not empty, all the data it contains will be lost.");
        }
    }

    record NonEmptyColumnDrop(TableRef table, String column) implements Check {
        public List<CountQuery> needs() {
            return List.of(new CountQuery.RowCount(table), new CountQuery.NonNullCount(table, column));
        }

        public Optional<Outcome> evaluate(Counts counts) {
            OptionalLong rows = counts.get(new CountQuery.RowCount(table));
            OptionalLong values = counts.get(new CountQuery.NonNullCount(table, column));
            String start = "You are about to drop the column " + quoted(column) + " on the " + quoted(table.name()) + " table";
            if (zero(rows) || zero(values)) {
                return Optional.empty();
            }
            return Outcome.warning("NonEmptyColumnDrop", values.isPresent()
                    ? start + ", which still contains " + values.getAsLong() + " non-null values."
                    : start + ". All the data in the column will be lost.");
        }
    }

    record RiskyCast(TableRef table, String column, String from, String to) implements Check {
        public List<CountQuery> needs() {
            return List.of(new CountQuery.RowCount(table), new CountQuery.NonNullCount(table, column));
        }

        public Optional<Outcome> evaluate(Counts counts) {
            OptionalLong rows = counts.get(new CountQuery.RowCount(table));
            OptionalLong values = counts.get(new CountQuery.NonNullCount(table, column));
            if (zero(rows) || zero(values)) {
                return Optional.empty();
            }
            String contains = values.isPresent() ? ", which contains " + values.getAsLong() + " non-null values" : "";
            return Outcome.warning("RiskyCast", "You are about to alter the column " + quoted(column) + " on the "
                    + quoted(table.name()) + " table" + contains + ". The data in that column will be cast from "
                    + quoted(from) + " to " + quoted(to) + ".");
        }
    }

    /** A type change without a cast: a warning for an optional column or one with a default, else unexecutable. */
    record DropAndRecreateColumn(TableRef table, String column, boolean requiredWithoutDefault) implements Check {
        public List<CountQuery> needs() {
            return List.of(new CountQuery.RowCount(table), new CountQuery.NonNullCount(table, column));
        }

        public Optional<Outcome> evaluate(Counts counts) {
            OptionalLong rows = counts.get(new CountQuery.RowCount(table));
            OptionalLong values = counts.get(new CountQuery.NonNullCount(table, column));
            if (zero(rows)) {
                return Optional.empty();
            }
            if (requiredWithoutDefault) {
                return Outcome.unexecutable("DropAndRecreateRequiredColumn", "Changed the type of " + quoted(column)
                        + " on the " + quoted(table.name()) + " table. No cast exists, the column would be dropped and"
                        + " recreated, which cannot be done since the column is required and there is data in the table.");
            }
            if (zero(values)) {
                return Optional.empty();
            }
            return Outcome.warning("DropAndRecreateColumn", "The " + quoted(column) + " column on the " + quoted(table.name())
                    + " table would be dropped and recreated. This will lead to data loss"
                    + (values.isPresent() ? "." : " if there is data in the column."));
        }
    }

    record PrimaryKeyChange(TableRef table) implements Check {
        public List<CountQuery> needs() { return List.of(new CountQuery.RowCount(table)); }

        public Optional<Outcome> evaluate(Counts counts) {
            if (zero(counts.get(new CountQuery.RowCount(table)))) {
                return Optional.empty();
            }
            return Outcome.warning("PrimaryKeyChange", "The primary key for the " + quoted(table.name())
                    + " table will be changed. If it partially fails, the table could be left without primary key constraint.");
        }
    }

    record AddedRequiredField(TableRef table, String column, boolean prismaLevelDefault) implements Check {
        public List<CountQuery> needs() { return List.of(new CountQuery.RowCount(table)); }

        public Optional<Outcome> evaluate(Counts counts) {
            OptionalLong rows = counts.get(new CountQuery.RowCount(table));
            if (zero(rows)) {
                return Optional.empty();
            }
            String facts = rows.isPresent()
                    ? "There are " + rows.getAsLong() + " rows in this table, it is not possible to execute this step."
                    : "This is not possible if the table is not empty.";
            if (prismaLevelDefault) {
                return Outcome.unexecutable("AddedRequiredFieldToTableWithPrismaLevelDefault", "The required column "
                        + quoted(column) + " was added to the " + quoted(table.name()) + " table with a prisma-level default value. "
                        + facts + " Please add this column as optional, then populate it before making it required.");
            }
            return Outcome.unexecutable("AddedRequiredFieldToTable", "Added the required column " + quoted(column)
                    + " to the " + quoted(table.name()) + " table without a default value. " + facts);
        }
    }

    record MadeOptionalFieldRequired(TableRef table, String column) implements Check {
        public List<CountQuery> needs() {
            return List.of(new CountQuery.RowCount(table), new CountQuery.NonNullCount(table, column));
        }

        public Optional<Outcome> evaluate(Counts counts) {
            OptionalLong rows = counts.get(new CountQuery.RowCount(table));
            OptionalLong values = counts.get(new CountQuery.NonNullCount(table, column));
            String start = "Made the column " + quoted(column) + " on table " + quoted(table.name()) + " required";
            if (zero(rows)) {
                return Optional.empty();
            }
            if (rows.isPresent() && values.isPresent()) {
                long nulls = rows.getAsLong() - values.getAsLong();
                return nulls == 0 ? Optional.empty() : Outcome.unexecutable("MadeOptionalFieldRequired",
                        start + ", but there are " + nulls + " existing NULL values.");
            }
            return Outcome.unexecutable("MadeOptionalFieldRequired",
                    start + ". This step will fail if there are existing NULL values in that column.");
        }
    }

    /** Unlike Prisma (always a warning): silent without duplicates, unexecutable with them. */
    record UniqueConstraintAddition(TableRef table, List<String> columns) implements Check {
        public List<CountQuery> needs() { return List.of(new CountQuery.DuplicateCount(table, columns)); }

        public Optional<Outcome> evaluate(Counts counts) {
            OptionalLong duplicates = counts.get(new CountQuery.DuplicateCount(table, columns));
            String covering = "A unique constraint covering the columns `[" + String.join(",", columns) + "]` on the table "
                    + quoted(table.name());
            if (duplicates.isEmpty()) {
                return Outcome.warning("UniqueConstraintAddition",
                        covering + " will be added. If there are existing duplicate values, this will fail.");
            }
            if (duplicates.getAsLong() == 0) {
                return Optional.empty();
            }
            return Outcome.unexecutable("UniqueConstraintAddition", covering + " cannot be added: "
                    + duplicates.getAsLong() + " rows repeat the values of another row in those columns."
                    + " Remove or change the duplicates first.");
        }
    }

    /** Unlike Prisma (always a warning): silent when unused, unexecutable when rows or defaults use the values. */
    record EnumValueRemoval(String enumName, List<String> values, CountQuery.EnumUsageCount usage, int defaultUses)
            implements Check {
        public List<CountQuery> needs() { return List.of(usage); }

        public Optional<Outcome> evaluate(Counts counts) {
            OptionalLong rows = counts.get(usage);
            String valueList = "[" + String.join(",", values) + "]";
            if (rows.isEmpty() && defaultUses == 0) {
                return Outcome.warning("EnumValueRemoval", "The values " + valueList + " on the enum " + quoted(enumName)
                        + " will be removed. If these variants are still used in the database, this will fail.");
            }
            long used = rows.orElse(0);
            if (used == 0 && defaultUses == 0) {
                return Optional.empty();
            }
            return Outcome.unexecutable("EnumValueRemoval", "The values " + valueList + " on the enum " + quoted(enumName)
                    + " cannot be removed: " + (rows.isPresent() ? used + " rows" : "rows (not counted)") + " and "
                    + defaultUses + " column defaults still use them. Change those rows and defaults first.");
        }
    }

    /** Prisma adds the key and lets PostgreSQL fail; we count the orphans first. */
    record ForeignKeyOrphans(TableRef table, ForeignKey foreignKey, CountQuery.OrphanCount orphans) implements Check {
        public List<CountQuery> needs() { return List.of(orphans); }

        public Optional<Outcome> evaluate(Counts counts) {
            OptionalLong count = counts.get(orphans);
            if (count.isEmpty() || count.getAsLong() == 0) {
                return Optional.empty();
            }
            return Outcome.unexecutable("ForeignKeyOverOrphans", "The foreign key " + quoted(foreignKey.constraintName())
                    + " on the " + quoted(table.name()) + " table cannot be added: " + count.getAsLong() + " rows have "
                    + foreignKey.columns() + " values with no matching row in the " + quoted(foreignKey.referencedTable())
                    + " table. Fix or delete those rows first.");
        }
    }
}
