package org.semiont.studio.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.Table;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;
import org.semiont.studio.auth.Gate;
import org.semiont.studio.browse.Catalog;
import org.semiont.studio.browse.Cursors;
import org.semiont.studio.browse.ModelSummary;
import org.semiont.studio.browse.RowData;
import org.semiont.studio.browse.RowReader;
import org.semiont.studio.edit.DomainEditor;
import org.semiont.studio.edit.EditResult;
import org.semiont.studio.edit.OwnRowEditor;

/**
 * Edits: event-sourced rows through the domain (each edit an event), a team's own rows directly with optimistic
 * concurrency. Only admins, never in read-only mode; every form carries the CSRF token (checked by the {@link Gate}).
 */
final class EditRoutes {
    private final Frame frame;
    private final Catalog catalog;
    private final RowReader rows;
    private final OwnRowEditor own;
    private final DomainEditor domain;

    EditRoutes(Frame frame, Catalog catalog, RowReader rows, OwnRowEditor own, DomainEditor domain) {
        this.frame = frame;
        this.catalog = catalog;
        this.rows = rows;
        this.own = own;
        this.domain = domain;
    }

    void register(RoutesConfig routes) {
        routes.post(frame.base + "/m/annotations/body", ctx -> domainEdit(ctx, "annotations", (row, v) ->
                domain.annotationBody(row, v, ctx.formParam("body"), Gate.session(ctx))));
        routes.post(frame.base + "/m/annotations/remove", ctx -> domainEdit(ctx, "annotations", (row, v) ->
                domain.deleteAnnotation(row, v, Gate.session(ctx))));
        routes.post(frame.base + "/m/documents/patch", ctx -> domainEdit(ctx, "documents", (row, v) ->
                domain.patchDocument(row, v, ctx.formParam("archived") != null, orEmpty(ctx.formParam("entityTypes")), Gate.session(ctx))));
        routes.post(frame.base + "/m/users/patch", ctx -> domainEdit(ctx, "users", (row, v) ->
                domain.patchUser(row, v, ctx.formParam("isAdmin") != null, ctx.formParam("isModerator") != null,
                        ctx.formParam("isActive") != null, Gate.session(ctx))));
        routes.post(frame.base + "/m/{model}/insert", this::insert);
        routes.post(frame.base + "/m/{model}/update", this::update);
        routes.post(frame.base + "/m/{model}/delete", this::delete);
    }

    private interface Edit {
        EditResult apply(RowData row, String version);
    }

    private void domainEdit(Context ctx, String model, Edit edit) {
        frame.requireDomainWrites(ctx);
        Table t = catalog.table(model);
        String keyToken = required(ctx, "k");
        RowData row = rows.read(t, Cursors.decode(keyToken));
        EditResult r = edit.apply(row, required(ctx, "version"));
        done(ctx, t, r);
    }

    private void insert(Context ctx) {
        Table t = ownTable(ctx);
        done(ctx, t, own.insert(t, values(ctx, t, true), Gate.session(ctx)));
    }

    private void update(Context ctx) {
        Table t = ownTable(ctx);
        done(ctx, t, own.update(t, Cursors.decode(required(ctx, "k")), required(ctx, "version"), values(ctx, t, false),
                Gate.session(ctx)));
    }

    private void delete(Context ctx) {
        Table t = ownTable(ctx);
        done(ctx, t, own.delete(t, Cursors.decode(required(ctx, "k")), required(ctx, "version"), Gate.session(ctx)));
    }

    private Table ownTable(Context ctx) {
        frame.requireAdmin(ctx);
        Table t = catalog.table(ctx.pathParam("model"));
        if (catalog.kind(t.name()) != ModelSummary.Kind.OWN) {
            throw new StudioException(StudioError.NOT_EVENT_SOURCED_HERE, "Rows of " + t.name() + " are "
                    + catalog.kind(t.name()).label() + "; they are not edited directly"
                    + (Catalog.EVENT_SOURCED.contains(t.name()) ? " (use the row's domain form)" : ""));
        }
        return t;
    }

    /**
     * The form's {@code v.<column>} fields; {@code null.<column>} ticked means NULL. On insert an empty field is left
     * out (its default applies); on update an empty field is the empty string for text and NULL otherwise.
     */
    private static Map<String, String> values(Context ctx, Table t, boolean insert) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Column c : t.columns()) {
            String v = ctx.formParam("v." + c.name());
            boolean isNull = ctx.formParam("null." + c.name()) != null;
            if (isNull) {
                out.put(c.name(), null);
            } else if (v != null && !v.isEmpty()) {
                out.put(c.name(), v);
            } else if (v != null && !insert && !(t.primaryKey() != null && t.primaryKey().columns().contains(c.name()))) {
                out.put(c.name(), org.semiont.studio.browse.SqlTypes.isText(c) ? "" : null);
            }
        }
        return out;
    }

    private void done(Context ctx, Table t, EditResult r) {
        String path = frame.base + "/m/" + t.name();
        String target = r.key() == null ? path : path + "/row?k=" + Cursors.encode(r.key()) + "&msg=" + Urls.enc(r.message());
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    private static String required(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isEmpty()) {
            throw new StudioException(StudioError.INVALID_REQUEST, "The form lacks \"" + name + "\"");
        }
        return v;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

}
