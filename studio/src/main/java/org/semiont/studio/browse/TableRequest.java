package org.semiont.studio.browse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a table view asks for: filters, the sort column ({@code null}: the primary key), its direction, the keyset
 * cursor of the last row seen (values as text, in the order {@link TableQuery} wrote them; empty: the first page),
 * the page size and the columns shown (empty: all).
 */
public record TableRequest(List<Filter> filters, String sort, boolean descending, List<String> after, int limit,
                           List<String> shown) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public TableRequest {
        filters = List.copyOf(filters);
        after = Collections.unmodifiableList(new ArrayList<>(after));
        shown = List.copyOf(shown);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    public static TableRequest firstPage() {
        return new TableRequest(List.of(), null, false, List.of(), DEFAULT_LIMIT, List.of());
    }

    public TableRequest withFilters(List<Filter> f) {
        return new TableRequest(f, sort, descending, after, limit, shown);
    }

    public TableRequest sorted(String column, boolean desc) {
        return new TableRequest(filters, column, desc, after, limit, shown);
    }

    public TableRequest after(List<String> cursor) {
        return new TableRequest(filters, sort, descending, cursor, limit, shown);
    }
}
