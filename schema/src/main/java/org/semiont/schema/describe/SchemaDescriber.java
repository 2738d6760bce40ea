package org.semiont.schema.describe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Identifiers;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.PrimaryKey;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

/**
 * Reads the live database from pg_catalog into a {@link SqlSchema}, only in the requested namespaces.
 * Tables Prisma never diffs ({@code _prisma_migrations}, PostGIS metadata) are left out, as are
 * expression, partial and exclusion indexes, so a push never drops what it cannot express.
 */
public final class SchemaDescriber {
    static final Set<String> IGNORED_TABLES = Set.of("_prisma_migrations", "spatial_ref_sys", "geometry_columns",
            "geography_columns", "raster_columns", "raster_overviews");
    private static final String QUERIES = loadQueries();

    /**
     * Runs the six catalog queries in one round trip (a fresh backend pays for planning each of them,
     * so sending them together roughly halves the time of a no-op push).
     */
    public DescribedSchema describe(Connection connection, List<String> namespaces) throws SQLException {
        List<String> existing = new ArrayList<>();
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        Set<String> constraintIndexes = new HashSet<>();
        Map<String, List<String>> enumValues = new LinkedHashMap<>();
        List<RowHandler> handlers = List.of(
                rs -> existing.add(rs.getString("namespace")),
                rs -> addTable(tables, rs),
                rs -> addColumn(tables, rs),
                rs -> addConstraint(tables, rs),
                rs -> addIndex(tables, constraintIndexes, rs),
                rs -> enumValues.computeIfAbsent(key(rs.getString("namespace"), rs.getString("enum_name")),
                        k -> new ArrayList<>()).add(rs.getString("value")));
        runAll(connection, namespaces, handlers);
        existing.sort(Comparator.comparingInt(namespaces::indexOf));
        List<Table> built = tables.values().stream().map(TableBuilder::build)
                .sorted(Comparator.comparing(Table::namespace).thenComparing(Table::name)).toList();
        return new DescribedSchema(new SqlSchema(existing, built, enums(enumValues)), constraintIndexes);
    }

    private static void addTable(Map<String, TableBuilder> tables, ResultSet rs) throws SQLException {
        String ns = rs.getString("namespace");
        String name = rs.getString("table_name");
        if (!IGNORED_TABLES.contains(name)) {
            tables.put(key(ns, name), new TableBuilder(ns, name));
        }
    }

    private static void addColumn(Map<String, TableBuilder> tables, ResultSet rs) throws SQLException {
        TableBuilder table = tables.get(key(rs.getString("namespace"), rs.getString("table_name")));
        if (table == null) {
            return;
        }
        boolean array = "A".equals(rs.getString("type_category")) && rs.getString("elem_name") != null;
        ColumnType type = array
                ? TypeReader.read(rs.getString("elem_name"), rs.getString("elem_type"), true, rs.getString("formatted"))
                : TypeReader.read(rs.getString("type_name"), rs.getString("type_type"), false, rs.getString("formatted"));
        ColumnDefault dflt = DefaultReader.read(rs.getString("default_expr"), type);
        boolean identity = rs.getBoolean("is_identity");
        if (identity && rs.getString("identity_sequence") != null) {
            dflt = new ColumnDefault.Sequence(DefaultReader.unqualify(rs.getString("identity_sequence")));
        }
        boolean autoincrement = identity || dflt instanceof ColumnDefault.Sequence;
        table.columns.add(new Column(rs.getString("column_name"), type, rs.getBoolean("nullable"), dflt, autoincrement));
    }

    private static void addConstraint(Map<String, TableBuilder> tables, ResultSet rs) throws SQLException {
        TableBuilder table = tables.get(key(rs.getString("namespace"), rs.getString("table_name")));
        if (table == null) {
            return;
        }
        List<String> columns = strings(rs.getArray("columns"));
        if ("p".equals(rs.getString("kind"))) {
            table.primaryKey = new PrimaryKey(rs.getString("constraint_name"), columns);
            return;
        }
        table.foreignKeys.add(new ForeignKey(rs.getString("constraint_name"), columns, rs.getString("ref_namespace"),
                rs.getString("ref_table"), strings(rs.getArray("ref_columns")),
                action(rs.getString("on_delete")), action(rs.getString("on_update"))));
    }

    private static void addIndex(Map<String, TableBuilder> tables, Set<String> constraintIndexes, ResultSet rs)
            throws SQLException {
        TableBuilder table = tables.get(key(rs.getString("namespace"), rs.getString("table_name")));
        if (table == null || rs.getBoolean("not_plain") || rs.getBoolean("is_exclusion")) {
            return;
        }
        List<String> columns = strings(rs.getArray("columns"));
        Object[] descending = (Object[]) rs.getArray("descending").getArray();
        List<Index.IndexColumn> indexColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            boolean desc = i < descending.length && Boolean.TRUE.equals(descending[i]);
            indexColumns.add(new Index.IndexColumn(columns.get(i), desc ? Index.SortOrder.DESC : Index.SortOrder.ASC));
        }
        String name = rs.getString("index_name");
        table.indexes.add(new Index(name, indexColumns, rs.getBoolean("is_unique"), rs.getString("method")));
        if (rs.getBoolean("is_constraint")) {
            constraintIndexes.add(DescribedSchema.indexKey(rs.getString("namespace"), name));
        }
    }

    private static List<EnumType> enums(Map<String, List<String>> values) {
        List<EnumType> enums = new ArrayList<>();
        values.forEach((k, v) -> {
            int sep = k.indexOf('\u0000');
            enums.add(new EnumType(k.substring(0, sep), k.substring(sep + 1), v));
        });
        enums.sort(Comparator.comparing(EnumType::namespace).thenComparing(EnumType::name));
        return enums;
    }

    private static ForeignKey.ReferentialAction action(String code) {
        return switch (code) {
            case "a" -> ForeignKey.ReferentialAction.NO_ACTION;
            case "r" -> ForeignKey.ReferentialAction.RESTRICT;
            case "c" -> ForeignKey.ReferentialAction.CASCADE;
            case "n" -> ForeignKey.ReferentialAction.SET_NULL;
            case "d" -> ForeignKey.ReferentialAction.SET_DEFAULT;
            default -> throw new IllegalStateException("unknown referential action code " + code);
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add((String) o);
        }
        return out;
    }

    private static String key(String namespace, String name) {
        return namespace + '\u0000' + name;
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void runAll(Connection connection, List<String> namespaces, List<RowHandler> handlers)
            throws SQLException {
        String list = namespaces.stream().map(Identifiers::literal).collect(Collectors.joining(", "));
        String sql = QUERIES.replace("ANY (?)", "ANY (ARRAY[" + list + "]::text[])");
        try (Statement st = connection.createStatement()) {
            boolean isResult = st.execute(sql);
            for (RowHandler handler : handlers) {
                while (!isResult) {
                    isResult = st.getMoreResults();
                }
                try (ResultSet rs = st.getResultSet()) {
                    while (rs.next()) {
                        handler.accept(rs);
                    }
                }
                isResult = st.getMoreResults();
            }
        }
    }

    private static String loadQueries() {
        StringBuilder all = new StringBuilder();
        for (String name : List.of("namespaces", "tables", "columns", "constraints", "indexes", "enums")) {
            try (InputStream in = SchemaDescriber.class.getResourceAsStream(name + ".sql")) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()).append(";\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read describe query " + name + ".sql", e);
            }
        }
        return all.toString();
    }

    private static final class TableBuilder {
        final String namespace;
        final String name;
        final List<Column> columns = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        PrimaryKey primaryKey;

        TableBuilder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        Table build() {
            indexes.sort(Comparator.comparing(Index::name));
            foreignKeys.sort(Comparator.comparing(ForeignKey::constraintName));
            return new Table(namespace, name, columns, primaryKey, indexes, foreignKeys);
        }
    }
}
