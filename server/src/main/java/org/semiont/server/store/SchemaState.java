package org.semiont.server.store;

import java.util.List;

/**
 * The database against the application schema after the startup push.
 *
 * @param command the exact command an operator runs to apply what is pending (null when in sync)
 */
public record SchemaState(Status status, List<String> warnings, List<String> unexecutable, String command) {
    public enum Status {
        IN_SYNC("in-sync"), PENDING_CHANGES("pending-changes");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** As reported by {@code /api/health}. */
        public String label() {
            return label;
        }
    }

    public SchemaState {
        warnings = List.copyOf(warnings);
        unexecutable = List.copyOf(unexecutable);
    }

    public static SchemaState inSync() {
        return new SchemaState(Status.IN_SYNC, List.of(), List.of(), null);
    }
}
