package org.semiont.schema.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The checks of one migration; {@link #queries()} lists each needed count once. */
public record CheckPlan(List<Check> checks) {
    public CheckPlan {
        checks = List.copyOf(checks);
    }

    public Set<CountQuery> queries() {
        Set<CountQuery> queries = new LinkedHashSet<>();
        checks.forEach(check -> queries.addAll(check.needs()));
        return queries;
    }

    public CheckReport evaluate(Counts counts) {
        List<Finding> warnings = new ArrayList<>();
        List<Finding> unexecutable = new ArrayList<>();
        for (Check check : checks) {
            check.evaluate(counts).ifPresent(outcome ->
                    (outcome.severity() == Check.Severity.WARNING ? warnings : unexecutable).add(outcome.finding()));
        }
        return new CheckReport(warnings, unexecutable);
    }
}
