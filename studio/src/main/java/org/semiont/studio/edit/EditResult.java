package org.semiont.studio.edit;

import java.util.List;
import org.semiont.studio.browse.SqlText;

/** What an edit did: a message for the person, the row's key afterwards (null when deleted) and the SQL it ran. */
public record EditResult(String message, List<String> key, List<SqlText> ran) {
    public EditResult {
        key = key == null ? null : List.copyOf(key);
        ran = List.copyOf(ran);
    }
}
