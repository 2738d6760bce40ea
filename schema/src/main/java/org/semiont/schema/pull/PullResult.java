package org.semiont.schema.pull;

import java.util.List;

/** PSL text produced by {@link SchemaPuller}, with warnings for people. */
public record PullResult(String psl, List<String> warnings) {
    public PullResult {
        warnings = List.copyOf(warnings);
    }
}
