package org.semiont.server.store;

import java.util.List;

/**
 * The database against the application schema after the start-up sync.
 *
 * @param command        the exact command an operator runs to apply what is pending (null when in sync)
 * @param foreignObjects what the database holds beyond the schema, left alone ("table `my_notes`")
 */
public record SchemaState(Status status, List<String> warnings, List<String> unexecutable, String command,
                          List<String> foreignObjects) {
    public enum Status {
        IN_SYNC("in-sync"), PENDING_CHANGES("pending-changes"), UNCHECKED("unchecked");

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
        foreignObjects = List.copyOf(foreignObjects);
    }

    public static SchemaState inSync(List<String> foreignObjects) {
        return new SchemaState(Status.IN_SYNC, List.of(), List.of(), null, foreignObjects);
    }

    public static SchemaState inSync() {
        return inSync(List.of());
    }

    /** {@code SEMIONT_SCHEMA_SYNC=off}: the start neither read nor changed the schema. */
    public static SchemaState unchecked() {
        return new SchemaState(Status.UNCHECKED, List.of(), List.of(), null, List.of());
    }
}
