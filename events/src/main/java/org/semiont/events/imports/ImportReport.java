package org.semiont.events.imports;

import java.util.List;
import org.semiont.events.Defect;

/**
 * What an import did: streams and events copied, streams left alone because they already exist
 * in the target, streams refused because verification found defects (listed), and warnings
 * (torn final lines of the source that were not copied).
 */
public record ImportReport(String source, int streamsImported, long eventsImported, List<String> skippedExisting,
                           List<String> refused, List<Defect> defects, List<Defect> warnings) {
    public ImportReport {
        skippedExisting = List.copyOf(skippedExisting);
        refused = List.copyOf(refused);
        defects = List.copyOf(defects);
        warnings = List.copyOf(warnings);
    }

    public boolean clean() {
        return refused.isEmpty();
    }
}
