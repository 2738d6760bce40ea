package org.semiont.schema.own;

import java.util.Objects;

/**
 * Something in the database that the schema does not declare: a team's own table, an index or column
 * added by hand to a declared table, a foreign key or an enum of someone else. A sync scoped to the
 * schema leaves it alone and reports it.
 *
 * @param table the table it belongs to (its own name for a table; null for an enum)
 */
public record ForeignObject(Kind kind, String namespace, String table, String name) {
    public enum Kind { TABLE, COLUMN, INDEX, FOREIGN_KEY, ENUM }

    public ForeignObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** "index `documents_name_idx` on table `documents`", "table `my_notes`". */
    public String describe() {
        String what = kind.name().toLowerCase().replace('_', ' ') + " `" + name + "`";
        if (kind == Kind.TABLE || kind == Kind.ENUM) {
            return what + (namespace.equals("public") ? "" : " in schema `" + namespace + "`");
        }
        return what + " on table `" + table + "`";
    }
}
