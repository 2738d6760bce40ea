package org.semiont.server.projection;

/** A table a projection fills, with its key (as SQL): emptied and refilled by a rebuild, compared by a check. */
public record ProjectedTable(String name, String key) {
}
