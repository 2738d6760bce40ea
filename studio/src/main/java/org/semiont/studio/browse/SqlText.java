package org.semiont.studio.browse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A statement and its bound values, in order: what the studio runs and shows under "SQL it ran". */
public record SqlText(String sql, List<String> params) {
    public SqlText {
        params = Collections.unmodifiableList(new ArrayList<>(params)); // values may be null
    }

    /** The statement with its values listed after it, for people to read (never executed in this form). */
    public String display() {
        if (params.isEmpty()) {
            return sql;
        }
        StringBuilder b = new StringBuilder(sql).append("\n-- values:");
        for (int i = 0; i < params.size(); i++) {
            String v = params.get(i);
            b.append(i == 0 ? " " : ", ").append('$').append(i + 1).append(" = ").append(v == null ? "NULL" : "'" + v + "'");
        }
        return b.toString();
    }
}
