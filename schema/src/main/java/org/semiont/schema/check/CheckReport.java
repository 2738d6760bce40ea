package org.semiont.schema.check;

import java.util.List;

/** The outcome of the checks: warnings need --accept-data-loss, unexecutable steps are refused. */
public record CheckReport(List<Finding> warnings, List<Finding> unexecutable) {
    public CheckReport {
        warnings = List.copyOf(warnings);
        unexecutable = List.copyOf(unexecutable);
    }

    public static CheckReport clean() {
        return new CheckReport(List.of(), List.of());
    }
}
