package org.semiont.schema.diff;

import java.util.List;

/** The steps that turn the live schema into the target, in execution order. */
public record Migration(List<Step> steps) {
    public Migration {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
