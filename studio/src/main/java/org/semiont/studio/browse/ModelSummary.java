package org.semiont.studio.browse;

/**
 * A model in the list: its table, how many rows (exact under {@link Catalog#EXACT_COUNT_BELOW}, else PostgreSQL's
 * estimate, marked so), and how its rows change: through events, by the server alone, or directly (a team's own).
 */
public record ModelSummary(String name, int columns, long rows, boolean estimated, Kind kind) {
    public enum Kind {
        EVENT_SOURCED("event-sourced: edits become events"),
        SERVER_MANAGED("kept by the server: read only"),
        OWN("the team's own: edited directly");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String rowsLabel() {
        return (estimated ? "≈ " : "") + String.format("%,d", rows);
    }
}
