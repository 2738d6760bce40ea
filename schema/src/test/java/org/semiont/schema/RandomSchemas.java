package org.semiont.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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

/**
 * Random schemas in the normal form, drawn from small pools of table, column and enum-value names so
 * that two draws overlap (same table, same column with another type, …), plus random rows for them.
 */
final class RandomSchemas {
    private static final List<String> TABLES = List.of("T0", "T1", "T2");
    private static final List<String> COLUMNS = List.of("a", "b", "c", "d");
    private static final List<String> VALUES = List.of("X", "Y", "Z");
    private static final List<ColumnType> TYPES = List.of(ColumnType.of(PgType.TEXT), ColumnType.of(PgType.INTEGER),
            ColumnType.of(PgType.BIGINT), ColumnType.of(PgType.VARCHAR, 5), ColumnType.of(PgType.VARCHAR, 50),
            ColumnType.of(PgType.BOOLEAN), ColumnType.enumOf("E"), ColumnType.of(PgType.TEXT).asArray());

    private RandomSchemas() {
    }

    static SqlSchema schema(Random r) {
        List<String> names = new ArrayList<>(TABLES.subList(0, 1 + r.nextInt(TABLES.size())));
        List<Table> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(table(r, name, names));
        }
        tables.sort(Comparator.comparing(Table::name));
        List<String> values = new ArrayList<>(VALUES);
        Collections.shuffle(values, r);
        EnumType e = new EnumType("public", "E", values.subList(0, 1 + r.nextInt(values.size())));
        return fixEnumDefaults(new SqlSchema(List.of("public"), tables, List.of(e)));
    }

    private static Table table(Random r, String name, List<String> tableNames) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", ColumnType.of(PgType.INTEGER), false, new ColumnDefault.Sequence(name + "_id_seq"), true));
        for (String c : COLUMNS) {
            if (r.nextInt(3) > 0) {
                columns.add(column(r, c));
            }
        }
        List<Index> indexes = new ArrayList<>();
        List<Column> uniqueable = columns.stream().skip(1).filter(c -> !c.type().array()
                && c.type().base() != PgType.BOOLEAN && c.type().base() != PgType.ENUM).toList();
        if (!uniqueable.isEmpty() && r.nextBoolean()) {
            String c = uniqueable.get(r.nextInt(uniqueable.size())).name();
            boolean unique = r.nextBoolean();
            indexes.add(new Index(name + "_" + c + (unique ? "_key" : "_idx"), List.of(new Index.IndexColumn(c, null)), unique, "btree"));
        }
        List<ForeignKey> fks = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            String parent = tableNames.get(r.nextInt(tableNames.size()));
            columns.add(new Column("ref", ColumnType.of(PgType.INTEGER), true, null, false));
            fks.add(new ForeignKey(name + "_ref_fkey", List.of("ref"), "public", parent, List.of("id"),
                    ForeignKey.ReferentialAction.SET_NULL, ForeignKey.ReferentialAction.CASCADE));
        }
        return new Table("public", name, columns, new PrimaryKey(name + "_pkey", List.of("id")), indexes, fks);
    }

    private static Column column(Random r, String name) {
        ColumnType type = TYPES.get(r.nextInt(TYPES.size()));
        boolean nullable = type.array() || r.nextBoolean();
        ColumnDefault dflt = r.nextInt(3) == 0 ? defaultFor(type) : null;
        return new Column(name, type, nullable, dflt, false);
    }

    private static ColumnDefault defaultFor(ColumnType type) {
        if (type.array()) {
            return new ColumnDefault.ListValue("{}");
        }
        return switch (type.base()) {
            case TEXT, VARCHAR -> new ColumnDefault.StringValue("v");
            case INTEGER, BIGINT -> new ColumnDefault.NumberValue("7");
            case BOOLEAN -> new ColumnDefault.BooleanValue(true);
            case ENUM -> new ColumnDefault.EnumValue("?");
            default -> null;
        };
    }

    /** Enum defaults are drawn before the enum's values; point them at an existing value. */
    private static SqlSchema fixEnumDefaults(SqlSchema s) {
        String first = s.enums().get(0).values().get(0);
        List<Table> tables = s.tables().stream().map(t -> new Table(t.namespace(), t.name(), t.columns().stream()
                .map(c -> c.defaultValue() instanceof ColumnDefault.EnumValue
                        ? new Column(c.name(), c.type(), c.nullable(), new ColumnDefault.EnumValue(first), false) : c)
                .toList(), t.primaryKey(), t.indexes(), t.foreignKeys())).toList();
        return new SqlSchema(s.namespaces(), tables, s.enums());
    }

    /** INSERT statements for 0–4 rows per table; unique columns get distinct values, FK columns NULL. */
    static List<String> rows(Random r, SqlSchema s) {
        List<String> out = new ArrayList<>();
        for (Table t : s.tables()) {
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                List<String> cols = new ArrayList<>();
                List<String> vals = new ArrayList<>();
                for (Column c : t.columns().subList(1, t.columns().size())) {
                    boolean unique = t.indexes().stream().anyMatch(ix -> ix.unique() && ix.columnNames().contains(c.name()));
                    cols.add('"' + c.name() + '"');
                    vals.add(value(r, c, unique ? i : -1, s.enums().get(0).values()));
                }
                out.add(cols.isEmpty() ? "INSERT INTO \"" + t.name() + "\" DEFAULT VALUES"
                        : "INSERT INTO \"" + t.name() + "\" (" + String.join(", ", cols) + ") VALUES (" + String.join(", ", vals) + ")");
            }
        }
        return out;
    }

    private static String value(Random r, Column c, int uniqueIndex, List<String> enumValues) {
        if (c.name().equals("ref") || (c.nullable() && r.nextInt(4) == 0)) {
            return "NULL";
        }
        if (c.type().array()) {
            return r.nextBoolean() ? "'{}'" : "'{p,q}'";
        }
        int k = uniqueIndex >= 0 ? uniqueIndex : r.nextInt(2);
        return switch (c.type().base()) {
            case TEXT -> "'" + (r.nextInt(3) == 0 && uniqueIndex < 0 ? "12" : "t" + k) + "'";
            case VARCHAR -> "'v" + k + "'";
            case INTEGER, BIGINT -> String.valueOf(k + 1);
            case BOOLEAN -> r.nextBoolean() ? "true" : "false";
            case ENUM -> "'" + enumValues.get(r.nextInt(enumValues.size())) + "'";
            default -> throw new IllegalStateException("no value for " + c.type());
        };
    }
}
