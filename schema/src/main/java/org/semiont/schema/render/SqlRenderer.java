package org.semiont.schema.render;

import static org.semiont.schema.sql.Identifiers.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.semiont.schema.diff.Migration;
import org.semiont.schema.diff.Step;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

/** Renders steps to PostgreSQL statements (no trailing semicolons). Pure. */
public final class SqlRenderer {
    private final Map<String, String> enumNamespaces;

    private SqlRenderer(Map<String, String> enumNamespaces) {
        this.enumNamespaces = Map.copyOf(enumNamespaces);
    }

    /** A renderer that qualifies enum types with the namespace they live in (target first, then live). */
    public static SqlRenderer forSchemas(SqlSchema live, SqlSchema target) {
        Map<String, String> namespaces = new HashMap<>();
        for (EnumType e : live.enums()) {
            namespaces.put(e.name(), e.namespace());
        }
        for (EnumType e : target.enums()) {
            namespaces.put(e.name(), e.namespace());
        }
        return new SqlRenderer(namespaces);
    }

    public List<String> render(Migration migration) {
        List<String> out = new ArrayList<>();
        migration.steps().forEach(step -> out.addAll(render(step)));
        return out;
    }

    public List<String> render(Step step) {
        if (step instanceof Step.CreateNamespace s) {
            return List.of("CREATE SCHEMA IF NOT EXISTS " + quote(s.namespace()));
        }
        if (step instanceof Step.CreateEnum s) {
            return List.of(createEnum(s.enumType(), s.enumType().name()));
        }
        if (step instanceof Step.AddEnumValues s) {
            return EnumSql.addValues(s);
        }
        if (step instanceof Step.RecreateEnum s) {
            return new EnumSql(this).recreate(s);
        }
        if (step instanceof Step.DropEnum s) {
            return List.of("DROP TYPE " + qualified(s.enumType().namespace(), s.enumType().name()));
        }
        if (step instanceof Step.CreateTable s) {
            return List.of(createTable(s.table()));
        }
        if (step instanceof Step.DropTable s) {
            return List.of("DROP TABLE " + s.table().qualifiedName());
        }
        return renderTableStep(step);
    }

    private List<String> renderTableStep(Step step) {
        if (step instanceof Step.AddColumn s) {
            return List.of(alterTable(s.table()) + " ADD COLUMN " + columnDefinition(s.table().namespace(), s.column()));
        }
        if (step instanceof Step.DropColumn s) {
            return List.of(alterTable(s.table()) + " DROP COLUMN " + quote(s.column().name()));
        }
        if (step instanceof Step.AlterColumn s) {
            return new AlterColumnSql(this).render(s);
        }
        if (step instanceof Step.DropPrimaryKey s) {
            return List.of(alterTable(s.table()) + " DROP CONSTRAINT " + quote(s.primaryKey().constraintName()));
        }
        if (step instanceof Step.AddPrimaryKey s) {
            return List.of(alterTable(s.table()) + " ADD CONSTRAINT " + quote(s.primaryKey().constraintName())
                    + " PRIMARY KEY (" + columnList(s.primaryKey().columns()) + ")");
        }
        if (step instanceof Step.RenamePrimaryKey s) {
            return List.of(alterTable(s.table()) + " RENAME CONSTRAINT " + quote(s.from()) + " TO " + quote(s.to()));
        }
        return renderIndexOrKey(step);
    }

    private List<String> renderIndexOrKey(Step step) {
        if (step instanceof Step.CreateIndex s) {
            return List.of(createIndex(s.table(), s.index()));
        }
        if (step instanceof Step.DropIndex s) {
            return List.of(s.constraint()
                    ? alterTable(s.table()) + " DROP CONSTRAINT " + quote(s.index().name())
                    : "DROP INDEX " + qualified(s.table().namespace(), s.index().name()));
        }
        if (step instanceof Step.RenameIndex s) {
            return List.of("ALTER INDEX " + qualified(s.table().namespace(), s.from()) + " RENAME TO " + quote(s.to()));
        }
        if (step instanceof Step.AddForeignKey s) {
            return List.of(addForeignKey(s.table(), s.foreignKey()));
        }
        if (step instanceof Step.DropForeignKey s) {
            return List.of(alterTable(s.table()) + " DROP CONSTRAINT " + quote(s.foreignKey().constraintName()));
        }
        throw new IllegalArgumentException("no SQL for step " + step.getClass().getSimpleName());
    }

    String createEnum(EnumType enumType, String name) {
        return "CREATE TYPE " + qualified(enumType.namespace(), name) + " AS ENUM ("
                + enumType.values().stream().map(org.semiont.schema.sql.Identifiers::literal).collect(Collectors.joining(", ")) + ")";
    }

    private String createTable(Table table) {
        List<String> lines = new ArrayList<>();
        for (Column column : table.columns()) {
            lines.add("    " + columnDefinition(table.namespace(), column));
        }
        String body = String.join(",\n", lines);
        if (table.primaryKey() != null) {
            body += ",\n\n    CONSTRAINT " + quote(table.primaryKey().constraintName()) + " PRIMARY KEY ("
                    + columnList(table.primaryKey().columns()) + ")";
        }
        return "CREATE TABLE " + table.qualifiedName() + " (\n" + body + "\n)";
    }

    String columnDefinition(String namespace, Column column) {
        String type = typeSql(column.type(), namespace);
        if (column.autoincrement() && isInteger(column.type())) {
            return quote(column.name()) + " " + TypeSql.serial(column.type()) + (column.nullable() ? "" : " NOT NULL");
        }
        String sql = quote(column.name()) + " " + type + (column.nullable() ? "" : " NOT NULL");
        if (column.defaultValue() != null) {
            sql += " DEFAULT " + TypeSql.defaultValue(column.defaultValue(), type);
        }
        return sql;
    }

    private String createIndex(Step.TableRef table, Index index) {
        String columns = index.columns().stream()
                .map(c -> quote(c.column()) + (c.sort() == Index.SortOrder.DESC ? " DESC" : ""))
                .collect(Collectors.joining(", "));
        String using = "btree".equals(index.method()) ? "(" : " USING " + index.method().toUpperCase(java.util.Locale.ROOT) + " (";
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                + qualified(table.namespace(), table.name()) + using + columns + ")";
    }

    private static String addForeignKey(Step.TableRef table, ForeignKey fk) {
        return alterTable(table) + " ADD CONSTRAINT " + quote(fk.constraintName()) + " FOREIGN KEY ("
                + columnList(fk.columns()) + ") REFERENCES " + qualified(fk.referencedNamespace(), fk.referencedTable())
                + "(" + columnList(fk.referencedColumns()) + ") ON DELETE " + fk.onDelete().sql()
                + " ON UPDATE " + fk.onUpdate().sql();
    }

    String typeSql(ColumnType type, String tableNamespace) {
        return TypeSql.type(type, type.base() == PgType.ENUM
                ? enumNamespaces.getOrDefault(type.enumName(), tableNamespace) : tableNamespace);
    }

    static boolean isInteger(ColumnType type) {
        return !type.array() && (type.base() == PgType.INTEGER || type.base() == PgType.BIGINT || type.base() == PgType.SMALLINT);
    }

    static String alterTable(Step.TableRef table) {
        return "ALTER TABLE " + qualified(table.namespace(), table.name());
    }

    static String qualified(String namespace, String name) {
        return quote(namespace) + "." + quote(name);
    }

    static String columnList(List<String> columns) {
        return columns.stream().map(org.semiont.schema.sql.Identifiers::quote).collect(Collectors.joining(", "));
    }
}
