package org.semiont.schema.target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.semiont.schema.psl.EnumDef;
import org.semiont.schema.psl.Field;
import org.semiont.schema.psl.Model;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.psl.Relations;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

/** Validated PSL → the {@link TargetSchema} Prisma would create. Pure. */
public final class TargetCalculator {
    private TargetCalculator() {
    }

    /** defaultNamespace: used when the datasource has no `schemas` list (from the URL's ?schema=, default "public"). */
    public static TargetSchema calculate(PrismaSchema schema, String defaultNamespace) {
        Namespaces namespaces = new Namespaces(schema, defaultNamespace);
        List<Relations.Relation> relations = Relations.of(schema);
        Map<Model, List<Relations.Relation>> owned = new IdentityHashMap<>();
        List<Table> tables = new ArrayList<>();
        JoinTables joins = new JoinTables(new ColumnMapper(schema), namespaces);
        for (Relations.Relation r : relations) {
            if (r.other() == null) {
                continue;
            }
            if (r.kind() == Relations.Kind.MANY_TO_MANY) {
                tables.add(joins.table(r));
            } else if (r.owner().hasFields()) {
                owned.computeIfAbsent(r.owner().model(), k -> new ArrayList<>()).add(r);
            }
        }
        TableBuilder builder = new TableBuilder(schema, namespaces);
        Set<ColumnKey> prismaLevel = new HashSet<>();
        Set<ColumnKey> updatedAt = new HashSet<>();
        for (Model m : schema.models()) {
            tables.add(builder.table(m, owned.getOrDefault(m, List.of())));
            prismaFilled(m, namespaces.of(m), prismaLevel, updatedAt);
        }
        tables.sort(Comparator.comparing(Table::name).thenComparing(Table::namespace));
        List<EnumType> enums = new ArrayList<>();
        for (EnumDef e : schema.enums()) {
            enums.add(new EnumType(namespaces.of(e), e.dbName(), e.values().stream().map(EnumDef.EnumValue::dbName).toList()));
        }
        enums.sort(Comparator.comparing(EnumType::name).thenComparing(EnumType::namespace));
        return new TargetSchema(new SqlSchema(namespaces.all(), tables, enums), prismaLevel, updatedAt);
    }

    private static void prismaFilled(Model m, String namespace, Set<ColumnKey> prismaLevel, Set<ColumnKey> updatedAt) {
        for (Field f : m.fields()) {
            ColumnKey key = new ColumnKey(namespace, m.tableName(), f.columnName());
            if (ColumnMapper.hasPrismaLevelDefault(f)) {
                prismaLevel.add(key);
            }
            if (f.attribute("updatedAt").isPresent()) {
                updatedAt.add(key);
            }
        }
    }
}
