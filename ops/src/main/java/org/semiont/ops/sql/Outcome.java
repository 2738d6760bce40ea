package org.semiont.ops.sql;

import java.util.List;

/** What a statement gave back: rows, or a command tag with the rows it touched. */
public sealed interface Outcome permits Outcome.Rows, Outcome.Done {
    record Rows(List<String> columns, List<List<String>> rows) implements Outcome {
        public Rows {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** @param count rows touched, or -1 when the command does not say */
    record Done(String tag, long count) implements Outcome {
        public String describe() {
            return count < 0 ? tag : tag + " " + count;
        }
    }
}
