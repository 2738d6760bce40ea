package org.semiont.schema.migrate;

import java.util.List;
import org.semiont.schema.check.Finding;

/**
 * What {@code migrate rollback} did or would do.
 *
 * @param applied      true: the down.sql files ran; false: refused (see the findings) or nothing to roll back
 * @param migrations   the migrations rolled back (or that would be), newest first
 * @param changes      one readable line per schema change the rollback makes
 * @param warnings     data-loss warnings (need {@code --accept-data-loss}), with the live counts as {@code db push} words them
 * @param unexecutable changes the live data does not allow
 */
public record RollbackResult(boolean applied, List<String> migrations, List<String> changes, List<Finding> warnings,
                             List<Finding> unexecutable) {
    public RollbackResult {
        migrations = List.copyOf(migrations);
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        unexecutable = List.copyOf(unexecutable);
    }
}
