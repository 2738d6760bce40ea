package org.semiont.studio.edit;

import java.util.Collection;
import java.util.List;
import org.semiont.studio.auth.StudioSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every studio edit, in the server log under {@code org.semiont.studio.audit}: who, which model and row, what kind of
 * change and which columns. Values are left out (a column may hold something secret).
 */
final class Audit {
    private static final Logger log = LoggerFactory.getLogger("org.semiont.studio.audit");

    private Audit() {
    }

    static void edited(StudioSession who, String action, String model, List<String> key, Collection<String> columns) {
        log.info("studio edit by {} ({}): {} {} {}{}", who.email(), who.userId(), action, model, key,
                columns.isEmpty() ? "" : " columns " + columns);
    }
}
