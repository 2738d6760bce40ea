package org.semiont.schema.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid PSL schemas for round-trip properties: enums, models with scalar fields of every type, native types,
 * defaults, maps, uniques, indexes, composite keys, 1-1 / 1-n / self relations and implicit many-to-many.
 */
final class RandomSchemas {
    private static final String[][] SCALARS = {
        {"String", ""}, {"String", "@db.VarChar(40)"}, {"String", "@db.Char(3)"}, {"String", "@db.Uuid"}, {"String", "@db.Text"},
        {"Int", ""}, {"Int", "@db.SmallInt"}, {"BigInt", ""}, {"Float", ""}, {"Float", "@db.Real"},
        {"Decimal", ""}, {"Decimal", "@db.Decimal(10, 2)"}, {"Decimal", "@db.Decimal"}, {"Boolean", ""},
        {"DateTime", ""}, {"DateTime", "@db.Timestamptz(6)"}, {"DateTime", "@db.Date"}, {"DateTime", "@db.Timestamp"},
        {"Json", ""}, {"Json", "@db.Json"}, {"Bytes", ""},
    };
    private final Random random;
    private final List<String> enums = new ArrayList<>();
    private final List<Integer> enumSizes = new ArrayList<>();

    RandomSchemas(Random random) {
        this.random = random;
    }

    /** One model's shape, decided before the text is written so relations can refer to it. */
    private static final class M {
        String name;
        boolean mapped;
        String idType;
        String idNative;
        boolean composite;
        final List<String> lines = new ArrayList<>();
        final List<String> blocks = new ArrayList<>();
    }

    String schema() {
        StringBuilder out = new StringBuilder("datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n\n");
        int enumCount = random.nextInt(3);
        for (int i = 0; i < enumCount; i++) {
            out.append(enumBlock(i));
        }
        List<M> models = new ArrayList<>();
        int modelCount = 1 + random.nextInt(6);
        for (int i = 0; i < modelCount; i++) {
            models.add(model(i));
        }
        relations(models);
        for (M m : models) {
            out.append("model ").append(m.name).append(" {\n");
            m.lines.forEach(l -> out.append("  ").append(l).append('\n'));
            m.blocks.forEach(l -> out.append("  ").append(l).append('\n'));
            out.append("}\n\n");
        }
        return out.toString();
    }

    private String enumBlock(int i) {
        String name = "E" + i;
        int size = 1 + random.nextInt(4);
        enums.add(name);
        enumSizes.add(size);
        StringBuilder b = new StringBuilder("enum " + name + " {\n");
        for (int v = 0; v < size; v++) {
            b.append("  V").append(v).append(random.nextInt(4) == 0 ? " @map(\"v-" + v + "\")" : "").append('\n');
        }
        if (random.nextBoolean()) {
            b.append("  @@map(\"enum_").append(i).append("\")\n");
        }
        return b.append("}\n\n").toString();
    }

    private M model(int i) {
        M m = new M();
        m.name = "M" + i;
        m.mapped = random.nextInt(3) == 0;
        int idKind = random.nextInt(5);
        m.composite = idKind == 4;
        m.idType = idKind == 0 || idKind == 4 ? "Int" : idKind == 3 ? "BigInt" : "String";
        m.idNative = idKind == 2 ? " @db.Uuid" : "";
        String idDefault = idKind == 0 ? " @default(autoincrement())" : idKind == 1 ? " @default(cuid())"
                : idKind == 2 ? " @default(dbgenerated(\"gen_random_uuid()\"))" : "";
        if (m.composite) {
            m.lines.add("a Int");
            m.lines.add("b String");
            m.blocks.add("@@id([a, b]" + (random.nextBoolean() ? ", map: \"pk_" + i + "\"" : "") + ")");
        } else {
            m.lines.add("id " + m.idType + " @id" + idDefault + m.idNative);
        }
        int fields = random.nextInt(6);
        for (int f = 0; f < fields; f++) {
            m.lines.add(scalarField(m, f));
        }
        if (m.mapped) {
            m.blocks.add("@@map(\"tbl_" + i + "\")");
        }
        return m;
    }

    private String scalarField(M m, int f) {
        boolean useEnum = !enums.isEmpty() && random.nextInt(5) == 0;
        String name = "f" + f;
        String arity = random.nextInt(5) == 0 ? "[]" : random.nextBoolean() ? "?" : "";
        List<String> attrs = new ArrayList<>();
        String type;
        if (useEnum) {
            int e = random.nextInt(enums.size());
            type = enums.get(e);
            if (arity.isEmpty() && random.nextBoolean()) {
                attrs.add("@default(V" + random.nextInt(enumSizes.get(e)) + ")");
            }
        } else {
            String[] s = SCALARS[random.nextInt(SCALARS.length)];
            type = s[0];
            if (!s[1].isEmpty()) {
                attrs.add(s[1]);
            }
            defaultFor(type, arity).ifPresent(d -> attrs.add(0, d));
        }
        if (arity.isEmpty() && random.nextInt(6) == 0 && !type.equals("Json")) {
            attrs.add(0, random.nextInt(3) == 0 ? "@unique(map: \"uq_" + m.name + "_" + f + "\")" : "@unique");
        }
        if (random.nextInt(4) == 0) {
            attrs.add("@map(\"col " + f + "\")");
        }
        if (arity.isEmpty() && random.nextInt(5) == 0 && !type.equals("Json")) {
            String extra = random.nextInt(4) == 0 ? ", map: \"ix_" + m.name + "_" + f + "\"" : random.nextInt(4) == 0 ? ", type: Hash" : "";
            m.blocks.add("@@index([" + name + (extra.contains("Hash") || random.nextBoolean() ? "" : "(sort: Desc)") + "]" + extra + ")");
        }
        if (random.nextInt(12) == 0) {
            return name + " Unsupported(\"tsvector\")?";
        }
        return name + " " + type + arity + (attrs.isEmpty() ? "" : " " + String.join(" ", attrs));
    }

    private java.util.Optional<String> defaultFor(String type, String arity) {
        if (random.nextInt(3) != 0) {
            return java.util.Optional.empty();
        }
        if (arity.equals("[]")) {
            return java.util.Optional.of(type.equals("Int") ? "@default([1, 2])" : type.equals("String") ? "@default([\"a\", \"b c\"])"
                    : "@default([])");
        }
        switch (type) {
            case "String": return java.util.Optional.of("@default(\"s\\\"" + random.nextInt(9) + "\")");
            case "Int": case "BigInt": return java.util.Optional.of("@default(" + (random.nextInt(200) - 100) + ")");
            case "Float": case "Decimal": return java.util.Optional.of("@default(" + (random.nextInt(400) - 200) / 8.0 + ")");
            case "Boolean": return java.util.Optional.of("@default(" + random.nextBoolean() + ")");
            case "DateTime": return java.util.Optional.of("@default(now())");
            case "Json": return java.util.Optional.of("@default(\"{}\")");
            default: return java.util.Optional.empty();
        }
    }

    private void relations(List<M> models) {
        int n = 0;
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (int i = 0; i < models.size(); i++) {
            M own = models.get(i);
            int count = random.nextInt(3);
            for (int k = 0; k < count; k++, n++) {
                M ref = models.get(random.nextInt(i + 1));
                if (ref.composite) {
                    continue;
                }
                boolean unnamed = pairs.add(own.name + "|" + ref.name) && random.nextBoolean();
                String name = unnamed ? "" : "\"rel" + n + "\"";
                if (random.nextInt(4) == 0 && !own.composite && own != ref && own.mapped == ref.mapped) {
                    String attr = unnamed ? "" : " @relation(" + name + ")";
                    own.lines.add("mm" + n + " " + ref.name + "[]" + attr);
                    ref.lines.add("mmBack" + n + " " + own.name + "[]" + attr);
                } else {
                    foreignKey(own, ref, n, name);
                }
            }
        }
    }

    private void foreignKey(M own, M ref, int n, String name) {
        boolean optional = random.nextBoolean();
        boolean oneToOne = random.nextInt(4) == 0;
        String q = optional ? "?" : "";
        String action = random.nextInt(3) == 0 ? ", onDelete: Cascade" : random.nextInt(3) == 0 ? ", onUpdate: NoAction" : "";
        action += random.nextInt(5) == 0 ? ", map: \"fk_" + n + "\"" : "";
        String prefix = name.isEmpty() ? "" : name + ", ";
        own.lines.add("r" + n + "Id " + ref.idType + q + (oneToOne ? " @unique" : "") + ref.idNative);
        own.lines.add("r" + n + " " + ref.name + q + " @relation(" + prefix + "fields: [r" + n + "Id], references: [id]" + action + ")");
        ref.lines.add("back" + n + " " + own.name + (oneToOne ? "?" : "[]") + (name.isEmpty() ? "" : " @relation(" + name + ")"));
    }
}
