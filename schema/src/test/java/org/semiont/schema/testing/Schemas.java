package org.semiont.schema.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.PrimaryKey;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;
import org.semiont.schema.target.TargetSchema;

/** Small builders for hand-made schemas in the normal form. */
public final class Schemas {
    private Schemas() {
    }

    public static SqlSchema schema(List<Table> tables, EnumType... enums) {
        List<Table> sorted = new ArrayList<>(tables);
        sorted.sort(Comparator.comparing(Table::name));
        return new SqlSchema(List.of("public"), sorted, Arrays.asList(enums));
    }

    public static TargetSchema target(SqlSchema sql) {
        return new TargetSchema(sql, Set.of(), Set.of());
    }

    public static TargetSchema target(Table... tables) {
        return target(schema(List.of(tables)));
    }

    public static Table table(String name, List<Column> columns, List<String> pk, List<Index> indexes, List<ForeignKey> fks) {
        List<Index> sortedIndexes = new ArrayList<>(indexes);
        sortedIndexes.sort(Comparator.comparing(Index::name));
        List<ForeignKey> sortedFks = new ArrayList<>(fks);
        sortedFks.sort(Comparator.comparing(ForeignKey::constraintName));
        return new Table("public", name, columns, pk.isEmpty() ? null : new PrimaryKey(name + "_pkey", pk),
                sortedIndexes, sortedFks);
    }

    public static Table table(String name, Column... columns) {
        return table(name, List.of(columns), List.of(columns[0].name()), List.of(), List.of());
    }

    /** An autoincrement INTEGER with its normal-form default {@code Sequence("<table>_<column>_seq")}. */
    public static Column serialId(String table, String name) {
        return serial(table, name, PgType.INTEGER);
    }

    public static Column serial(String table, String name, PgType type) {
        return new Column(name, ColumnType.of(type), false, new ColumnDefault.Sequence(table + "_" + name + "_seq"), true);
    }

    public static Column required(String name, PgType type, Integer... args) {
        return new Column(name, ColumnType.of(type, args), false, null, false);
    }

    public static Column optional(String name, PgType type, Integer... args) {
        return new Column(name, ColumnType.of(type, args), true, null, false);
    }

    public static Column withDefault(Column column, ColumnDefault value) {
        return new Column(column.name(), column.type(), column.nullable(), value, column.autoincrement());
    }

    public static Column text(String name) {
        return required(name, PgType.TEXT);
    }

    public static Index unique(String table, String... columns) {
        return new Index(table + "_" + String.join("_", columns) + "_key", indexColumns(columns), true, "btree");
    }

    public static Index index(String table, String... columns) {
        return new Index(table + "_" + String.join("_", columns) + "_idx", indexColumns(columns), false, "btree");
    }

    private static List<Index.IndexColumn> indexColumns(String... columns) {
        return Arrays.stream(columns).map(c -> new Index.IndexColumn(c, Index.SortOrder.ASC)).toList();
    }

    public static ForeignKey fk(String table, String column, String referenced, String referencedColumn, boolean optional) {
        return new ForeignKey(table + "_" + column + "_fkey", List.of(column), "public", referenced, List.of(referencedColumn),
                optional ? ForeignKey.ReferentialAction.SET_NULL : ForeignKey.ReferentialAction.RESTRICT,
                ForeignKey.ReferentialAction.CASCADE);
    }

    public static EnumType enumType(String name, String... values) {
        return new EnumType("public", name, List.of(values));
    }
}
