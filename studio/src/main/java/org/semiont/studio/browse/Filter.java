package org.semiont.studio.browse;

import java.util.Arrays;
import java.util.Optional;

/**
 * One column filter as asked in the URL: {@code column}, {@code op}, a {@code value} and, for JSON paths, a
 * {@code path} (SQL/JSON path syntax, e.g. {@code $.purpose} or {@code $[*].value}).
 */
public record Filter(String column, Op op, String value, String path) {
    public Filter {
        value = value == null ? "" : value;
        path = path == null ? "" : path;
    }

    public enum Op {
        EQ("eq", "="), CONTAINS("contains", "contains"), GTE("gte", "≥"), LTE("lte", "≤"), GT("gt", ">"), LT("lt", "<"),
        NULL("null", "is null"), NOT_NULL("notnull", "is not null"), HAS("has", "array has"), PATH("path", "JSON path");

        private final String code;
        private final String label;

        Op(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Optional<Op> of(String code) {
            return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
        }
    }
}
