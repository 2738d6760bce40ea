package org.semiont.studio.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.Table;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;
import org.semiont.studio.browse.Catalog;
import org.semiont.studio.browse.Cursors;
import org.semiont.studio.browse.Filter;
import org.semiont.studio.browse.ModelSummary;
import org.semiont.studio.browse.Relation;
import org.semiont.studio.browse.Relations;
import org.semiont.studio.browse.RowData;
import org.semiont.studio.browse.RowReader;
import org.semiont.studio.browse.SqlTypes;
import org.semiont.studio.browse.TablePage;
import org.semiont.studio.browse.TableReader;
import org.semiont.studio.browse.TableRequest;
import org.semiont.studio.edit.RowVersion;
import org.semiont.studio.events.EventRow;
import org.semiont.studio.events.RowEvents;

/** The model list, a model's table (keyset pages, sort, filters, columns) and a row with its relations and events. */
final class BrowseRoutes {
    static final int CELL_CHARS = 120;
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Frame frame;
    private final Catalog catalog;
    private final TableReader tables;
    private final RowReader rows;
    private final RowEvents events;
    private final TimeSlider slider;

    BrowseRoutes(Frame frame, Catalog catalog, TableReader tables, RowReader rows, RowEvents events, TimeSlider slider) {
        this.frame = frame;
        this.catalog = catalog;
        this.tables = tables;
        this.rows = rows;
        this.events = events;
        this.slider = slider;
    }

    void register(RoutesConfig routes) {
        routes.get(frame.base + "/", this::models);
        routes.get(frame.base + "/m/{model}", this::table);
        routes.get(frame.base + "/m/{model}/row", this::row);
        routes.get(frame.base + "/m/{model}/new", this::newRow);
    }

    private void models(Context ctx) {
        long t0 = System.nanoTime();
        List<ModelSummary> models = catalog.models();
        frame.views.render(ctx, "models.jte", new Pages.Models(frame.chrome(ctx, "Models", "models"), models,
                (System.nanoTime() - t0) / 1e6));
    }

    private void table(Context ctx) {
        Table t = catalog.table(ctx.pathParam("model"));
        TableRequest r = TableParams.parse(ctx);
        TablePage page = tables.page(t, r);
        ctx.header("Server-Timing", String.format(java.util.Locale.ROOT, "db;dur=%.1f", page.millis()));
        String path = frame.base + "/m/" + t.name();
        List<Pages.ColumnHead> heads = new ArrayList<>();
        for (Column c : t.columns()) {
            boolean sorted = c.name().equals(r.sort());
            List<Urls.Param> p = new ArrayList<>(TableParams.filterParams(r));
            p.addAll(TableParams.sortParams(c.name(), sorted && !r.descending()));
            p.addAll(TableParams.columnParams(r));
            heads.add(new Pages.ColumnHead(c.name(), SqlTypes.label(c), r.shown().isEmpty() || r.shown().contains(c.name()),
                    SqlTypes.sortable(c), path + Urls.query(p), sorted ? (r.descending() ? " ▼" : " ▲") : ""));
        }
        List<List<Pages.Cell>> cells = new ArrayList<>();
        for (List<String> row : page.rows()) {
            List<Pages.Cell> line = new ArrayList<>();
            for (int i = 0; i < t.columns().size(); i++) {
                String v = row.get(i);
                line.add(new Pages.Cell(v == null ? "" : abbreviate(v), v == null));
            }
            cells.add(line);
        }
        List<String> rowUrls = page.rowKeys().stream().map(k -> k == null ? null : path + "/row?k=" + k).toList();
        List<Urls.Param> keep = new ArrayList<>(TableParams.filterParams(r));
        keep.addAll(TableParams.sortParams(r.sort(), r.descending()));
        keep.addAll(TableParams.columnParams(r));
        String next = page.nextCursor() == null ? null : path + Urls.query(append(keep, new Urls.Param("after", page.nextCursor())));
        String first = r.after().isEmpty() ? null : path + Urls.query(keep);
        List<Urls.Param> forFilters = new ArrayList<>(TableParams.sortParams(r.sort(), r.descending()));
        forFilters.addAll(TableParams.columnParams(r));
        List<Urls.Param> forColumns = new ArrayList<>(TableParams.filterParams(r));
        forColumns.addAll(TableParams.sortParams(r.sort(), r.descending()));
        List<Pages.FilterRow> filterRows = r.filters().stream().map(f -> new Pages.FilterRow(f.column(), f.op().code(), f.value(), f.path())).toList();
        boolean canInsert = catalog.kind(t.name()) == ModelSummary.Kind.OWN && t.primaryKey() != null;
        frame.views.render(ctx, "table.jte", new Pages.Table(frame.chrome(ctx, t.name(), "models"), t.name(),
                catalog.kind(t.name()).label(), canInsert, heads, cells, rowUrls, filterRows, Arrays.asList(Filter.Op.values()),
                forFilters, forColumns, next, first, page.millis(), page.ran()));
    }

    private static List<Urls.Param> append(List<Urls.Param> l, Urls.Param p) {
        List<Urls.Param> out = new ArrayList<>(l);
        out.add(p);
        return out;
    }

    private static String abbreviate(String v) {
        String one = v.replace('\n', ' ');
        return one.length() <= CELL_CHARS ? one : one.substring(0, CELL_CHARS - 1) + "…";
    }

    private void row(Context ctx) {
        Table t = catalog.table(ctx.pathParam("model"));
        String keyToken = ctx.queryParam("k");
        List<String> key = Cursors.decode(keyToken);
        RowData row;
        try {
            row = rows.read(t, key);
        } catch (StudioException e) {
            if (e.error() != StudioError.ROW_NOT_FOUND || !TimeSlider.applies(t.name())) {
                throw e;
            }
            renderGone(ctx, t, keyToken, key, e.getMessage());
            return;
        }
        render(ctx, t, row, keyToken, ctx.queryParam("msg"));
    }

    /** An event-sourced row that is not in the table now: its events still tell what it was, so the slider shows it. */
    private void renderGone(Context ctx, Table t, String keyToken, List<String> key, String notFound) {
        TimeSlider.View history = slider.view(ctx, t, null, keyToken, TimeSlider.rowId(t.name(), key), null);
        if (history.slider().steps() == 0) {
            throw new StudioException(StudioError.ROW_NOT_FOUND, notFound);
        }
        frame.views.render(ctx, "row.jte", new Pages.Row(frame.chrome(ctx, t.name(), "models"), t.name(),
                catalog.kind(t.name()).label(), keyToken, "", history.fields(), List.of(), null, "", List.of(),
                "This row is not in the table now; its events are still in the log.", "", "", false, "", false, false, false,
                history.slider()));
    }

    void render(Context ctx, Table t, RowData row, String keyToken, String message) {
        List<Relation> relations = Relations.of(catalog.schema(), t);
        List<Pages.Field> fields = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            Column c = t.columns().get(i);
            String v = row.values().get(i);
            boolean key = t.primaryKey() != null && t.primaryKey().columns().contains(c.name());
            fields.add(new Pages.Field(c.name(), SqlTypes.label(c), SqlTypes.isJson(c) && v != null ? pretty(v) : v, v == null,
                    SqlTypes.isJson(c) && v != null, v == null ? null : toOneLink(relations, c.name(), v), !key));
        }
        List<Pages.Link> links = new ArrayList<>();
        for (Relation rel : relations) {
            String v = row.values().get(t.columns().indexOf(t.column(rel.column()).orElseThrow()));
            if (!rel.toOne() && v != null) {
                links.add(new Pages.Link(rel.label(), frame.base + "/m/" + rel.targetModel() + Urls.query(List.of(
                        new Urls.Param("fc", rel.filterColumn()), new Urls.Param("fo", rel.op().code()), new Urls.Param("fv", v)))));
            }
        }
        TimeSlider.View history = TimeSlider.applies(t.name()) ? slider.view(ctx, t, row, keyToken,
                TimeSlider.rowId(t.name(), Cursors.decode(keyToken)),
                t.name().equals("annotations") ? TimeSlider.annotationStream(row) : null) : null;
        if (history != null && history.fields() != null) {
            fields = history.fields();
        }
        Optional<List<EventRow>> evs = events.of(row);
        String kind = catalog.kind(t.name()).name();
        String editForm = kind.equals("OWN") && t.primaryKey() != null ? "own"
                : Catalog.EVENT_SOURCED.contains(t.name()) && !t.name().equals("entity_types") ? t.name() : "";
        frame.views.render(ctx, "row.jte", new Pages.Row(frame.chrome(ctx, t.name(), "models"), t.name(),
                catalog.kind(t.name()).label(), keyToken, RowVersion.of(row), fields, links, evs.orElse(null),
                evs.isPresent() ? streamNote(row) : "", List.of(row.ran()), message, editForm,
                t.name().equals("annotations") ? bodyText(row.get("body")) : "",
                t.name().equals("documents") && "t".equals(row.get("archived")),
                t.name().equals("documents") ? arrayText(row.get("entityTypes")) : "",
                flag(t, row, "isAdmin"), flag(t, row, "isModerator"), flag(t, row, "isActive"),
                history == null ? null : history.slider()));
    }

    private String toOneLink(List<Relation> relations, String column, String value) {
        return relations.stream().filter(r -> r.toOne() && r.column().equals(column))
                .flatMap(r -> catalog.find(r.targetModel()).stream()).findFirst()
                .map(target -> frame.base + "/m/" + target.name() + "/row?k=" + Cursors.encode(List.of(value))).orElse(null);
    }

    private static boolean flag(Table t, RowData row, String column) {
        return t.name().equals("users") && "t".equals(row.get(column));
    }

    private static String streamNote(RowData row) {
        switch (row.model()) {
            case "documents":
                return "The document's stream, read through the event log, with each event's chain checked.";
            case "annotations":
                return "The events of the annotation's document stream that name this annotation.";
            case "users":
                return "The events of the users stream that name this user.";
            default:
                return "The events of the system stream that name this entity type.";
        }
    }

    static String pretty(String json) {
        try {
            return PRETTY.writeValueAsString(PRETTY.readTree(json));
        } catch (Exception e) {
            return json;
        }
    }

    private static String bodyText(String body) {
        return body == null ? "" : pretty(body);
    }

    /** PostgreSQL's text form of a text[] ({a,"b c"}) as a comma-separated list. */
    static String arrayText(String array) {
        if (array == null || array.length() < 2) {
            return "";
        }
        String inner = array.substring(1, array.length() - 1);
        List<String> items = new ArrayList<>();
        for (String part : inner.split(",")) {
            if (!part.isEmpty()) {
                items.add(part.startsWith("\"") && part.endsWith("\"") ? part.substring(1, part.length() - 1) : part);
            }
        }
        return String.join(", ", items);
    }

    private void newRow(Context ctx) {
        frame.requireAdmin(ctx);
        Table t = catalog.table(ctx.pathParam("model"));
        List<Pages.Field> fields = t.columns().stream().map(c -> new Pages.Field(c.name(), SqlTypes.label(c), "", false, false,
                null, true)).toList();
        frame.views.render(ctx, "newrow.jte", new Pages.NewRow(frame.chrome(ctx, "New " + t.name(), "models"), t.name(), fields));
    }
}
