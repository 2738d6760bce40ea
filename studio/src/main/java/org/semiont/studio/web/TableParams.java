package org.semiont.studio.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;
import org.semiont.studio.browse.Cursors;
import org.semiont.studio.browse.Filter;
import org.semiont.studio.browse.TableRequest;

/**
 * A table view's address: {@code fc/fo/fv/fp} repeated (filter column, operator, value, JSON path), {@code sort},
 * {@code desc=1}, {@code cols} repeated with {@code colsform=1} (the columns shown), {@code after} (the cursor) and
 * {@code limit}.
 */
final class TableParams {
    private TableParams() {
    }

    static TableRequest parse(Context ctx) {
        List<String> fc = ctx.queryParams("fc");
        List<String> fo = ctx.queryParams("fo");
        List<String> fv = ctx.queryParams("fv");
        List<String> fp = ctx.queryParams("fp");
        List<Filter> filters = new ArrayList<>();
        for (int i = 0; i < fc.size(); i++) {
            if (fc.get(i).isBlank()) {
                continue;
            }
            String opCode = i < fo.size() ? fo.get(i) : "eq";
            Filter.Op op = Filter.Op.of(opCode).orElseThrow(() -> new StudioException(StudioError.INVALID_REQUEST,
                    "Unknown filter operator \"" + opCode + "\""));
            filters.add(new Filter(fc.get(i), op, i < fv.size() ? fv.get(i) : "", i < fp.size() ? fp.get(i) : ""));
        }
        String sort = ctx.queryParam("sort");
        boolean desc = "1".equals(ctx.queryParam("desc"));
        int limit = TableRequest.DEFAULT_LIMIT;
        if (ctx.queryParam("limit") != null) {
            try {
                limit = Integer.parseInt(ctx.queryParam("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > TableRequest.MAX_LIMIT) {
                throw new StudioException(StudioError.INVALID_REQUEST, "limit must be a number from 1 to " + TableRequest.MAX_LIMIT);
            }
        }
        List<String> cols = "1".equals(ctx.queryParam("colsform")) || !ctx.queryParams("cols").isEmpty() ? ctx.queryParams("cols") : List.of();
        return new TableRequest(filters, sort == null || sort.isBlank() ? null : sort, desc, Cursors.decode(ctx.queryParam("after")),
                limit, cols);
    }

    /** The filters as URL parameters. */
    static List<Urls.Param> filterParams(TableRequest r) {
        List<Urls.Param> out = new ArrayList<>();
        for (Filter f : r.filters()) {
            out.add(new Urls.Param("fc", f.column()));
            out.add(new Urls.Param("fo", f.op().code()));
            out.add(new Urls.Param("fv", f.value()));
            out.add(new Urls.Param("fp", f.path()));
        }
        return out;
    }

    static List<Urls.Param> sortParams(String sort, boolean desc) {
        List<Urls.Param> out = new ArrayList<>();
        if (sort != null) {
            out.add(new Urls.Param("sort", sort));
            if (desc) {
                out.add(new Urls.Param("desc", "1"));
            }
        }
        return out;
    }

    static List<Urls.Param> columnParams(TableRequest r) {
        List<Urls.Param> out = new ArrayList<>();
        if (!r.shown().isEmpty()) {
            out.add(new Urls.Param("colsform", "1"));
            r.shown().forEach(c -> out.add(new Urls.Param("cols", c)));
        }
        if (r.limit() != TableRequest.DEFAULT_LIMIT) {
            out.add(new Urls.Param("limit", String.valueOf(r.limit())));
        }
        return out;
    }
}
