package org.semiont.schema.pull;

import java.util.ArrayList;
import java.util.List;

/** The PSL being written, before formatting: plain mutable drafts, local to one pull. */
final class Draft {
    private Draft() {
    }

    /** A field line (or an enum value line, with an empty type). {@code type} includes ? or []. */
    record FieldLine(String name, String type, List<String> attributes, String doc) {
        FieldLine {
            attributes = List.copyOf(attributes);
        }
    }

    static final class ModelDraft {
        final String name;
        final String table;
        final String namespace;
        final List<FieldLine> fields = new ArrayList<>();
        final List<FieldLine> relations = new ArrayList<>();
        final List<String> blockAttributes = new ArrayList<>();
        final java.util.Map<String, String> fieldOfColumn = new java.util.HashMap<>();
        final org.semiont.schema.sql.Table table0;
        final java.util.Optional<org.semiont.schema.psl.Model> previous;
        String doc;

        ModelDraft(String name, org.semiont.schema.sql.Table table, java.util.Optional<org.semiont.schema.psl.Model> previous) {
            this.name = name;
            this.table0 = table;
            this.previous = previous;
            this.table = table.name();
            this.namespace = table.namespace();
        }

        String field(String column) {
            return fieldOfColumn.getOrDefault(column, column);
        }

        boolean hasField(String fieldName) {
            return fields.stream().anyMatch(f -> f.name().equals(fieldName))
                    || relations.stream().anyMatch(f -> f.name().equals(fieldName));
        }
    }

    static final class EnumDraft {
        final String name;
        final List<FieldLine> values = new ArrayList<>();
        final List<String> blockAttributes = new ArrayList<>();
        String doc;

        EnumDraft(String name) {
            this.name = name;
        }
    }
}
