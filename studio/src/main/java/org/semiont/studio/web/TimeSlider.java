package org.semiont.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.Table;
import org.semiont.server.annotation.AnnotationEvents;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;
import org.semiont.studio.browse.RowData;
import org.semiont.studio.browse.SqlTypes;
import org.semiont.studio.history.PgText;
import org.semiont.studio.history.RowHistories;
import org.semiont.studio.history.RowTimeline;
import org.semiont.studio.history.Snapshot;
import org.semiont.studio.history.TimelineStep;

/**
 * The row view's time slider: the row's events as steps (0: before the first, i: right after the i-th), chosen by
 * {@code ?at=<global position>} (links) or {@code ?step=<i>} (the slider's form), and the row's fields as of that step,
 * each marked when it differs from the live row.
 */
final class TimeSlider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)?");
    private final String base;
    private final RowHistories histories;

    TimeSlider(String base, RowHistories histories) {
        this.base = base;
        this.histories = histories;
    }

    /** What the row view shows: the slider, and the fields as of the chosen step (null: the live row's). */
    record View(Pages.Slider slider, List<Pages.Field> fields) {
    }

    static boolean applies(String model) {
        return RowHistories.MODELS.contains(model);
    }

    /** {@code current} is the live row, or null when the table has none with this key now. */
    View view(Context ctx, Table t, RowData current, String keyToken, String rowId, String annotationStream) {
        RowTimeline timeline = histories.timeline(t.name(), rowId, annotationStream);
        int steps = timeline.steps().size();
        Integer chosen = chosen(ctx, timeline);
        boolean viewing = chosen != null || current == null;
        int step = chosen == null ? steps : chosen;
        // the live row needs no fold: only a past step (or a row no longer in the table) is folded from the log
        Snapshot snap = viewing ? histories.at(timeline, step - 1) : null;
        String path = base + "/m/" + t.name() + "/row";
        List<Pages.Tick> ticks = new ArrayList<>();
        ticks.add(new Pages.Tick(0, "before its first event", url(path, keyToken, 0)));
        for (int i = 0; i < steps; i++) {
            TimelineStep s = timeline.steps().get(i);
            ticks.add(new Pages.Tick(i + 1, label(i + 1, steps, s), url(path, keyToken, s.position())));
        }
        Pages.Slider slider = new Pages.Slider(path, steps, step, ticks.get(step).label(), snap == null ? "present" : state(snap),
                snap == null ? "The current row: the table as the projection keeps it." : stateText(snap, current != null),
                step > 0 ? ticks.get(step - 1).url() : null, step < steps ? ticks.get(step + 1).url() : null,
                viewing && current != null ? path + "?k=" + Urls.enc(keyToken) : null, viewing, ticks);
        return new View(slider, viewing ? fields(t, snap, current) : null);
    }

    private static String url(String path, String keyToken, long position) {
        return path + Urls.query(List.of(new Urls.Param("k", keyToken), new Urls.Param("at", String.valueOf(position))));
    }

    /** The step asked for: {@code step} (0 to n) or {@code at} (a global position: the last step at or before it). */
    private static Integer chosen(Context ctx, RowTimeline timeline) {
        String step = ctx.queryParam("step");
        String at = ctx.queryParam("at");
        try {
            if (step != null && !step.isBlank()) {
                int i = Integer.parseInt(step.trim());
                if (i < 0 || i > timeline.steps().size()) {
                    throw new StudioException(StudioError.INVALID_REQUEST, "step must be 0 to " + timeline.steps().size()
                            + " (this row has " + timeline.steps().size() + " events)");
                }
                return i;
            }
            if (at != null && !at.isBlank()) {
                long position = Long.parseLong(at.trim());
                if (position < 0) {
                    throw new NumberFormatException();
                }
                return timeline.indexAt(position) + 1;
            }
            return null;
        } catch (NumberFormatException e) {
            throw new StudioException(StudioError.INVALID_REQUEST, "at must be a global log position (0 or more) and step a "
                    + "step of the slider");
        }
    }

    private static String label(int i, int n, TimelineStep s) {
        return "after " + s.type() + " · event " + s.sequence() + " of its stream, global position " + s.position() + " · "
                + s.timestamp();
    }

    private static String state(Snapshot s) {
        return switch (s.state()) {
            case NOT_YET -> "not-yet";
            case PRESENT -> "present";
            case GONE -> "gone";
        };
    }

    private static String stateText(Snapshot s, boolean liveRow) {
        return switch (s.state()) {
            case NOT_YET -> "Not created yet: this is before the row's first event.";
            case PRESENT -> liveRow ? "The row as it was right after " + s.step().type() + "; fields that differ from the "
                    + "current row are marked." : "The row as it was right after " + s.step().type() + ".";
            case GONE -> s.step().type().endsWith(".removed") || s.step().type().endsWith(".deleted")
                    ? "Deleted by " + s.step().type() + ": there is no row after this event."
                    : "No row after " + s.step().type() + " (its events did not make one).";
        };
    }

    private static List<Pages.Field> fields(Table t, Snapshot snap, RowData current) {
        List<Pages.Field> out = new ArrayList<>();
        if (snap.state() != Snapshot.State.PRESENT) {
            return out;
        }
        for (Column c : t.columns()) {
            boolean json = SqlTypes.isJson(c);
            if (!snap.columns().containsKey(c.name())) {
                out.add(new Pages.Field(c.name(), SqlTypes.label(c), "(not made by the events)", false, false, null, false));
                continue;
            }
            String v = snap.columns().get(c.name());
            String live = current == null ? null : current.get(c.name());
            boolean changed = current != null && !same(v, live, json);
            out.add(new Pages.Field(c.name(), SqlTypes.label(c), json && v != null ? BrowseRoutes.pretty(v) : v, v == null,
                    json && v != null, null, false, changed, !changed ? null : live == null ? "NULL"
                    : json ? BrowseRoutes.pretty(live) : live));
        }
        return out;
    }

    /** Whether a folded value and the live one are the same value (JSON by tree, timestamps by time). */
    static boolean same(String folded, String live, boolean json) {
        if (folded == null || live == null) {
            return folded == live;
        }
        if (json) {
            try {
                JsonNode a = JSON.readTree(folded);
                JsonNode b = JSON.readTree(live);
                return a.equals(b);
            } catch (Exception e) {
                return folded.equals(live);
            }
        }
        if (folded.equals("t") || folded.equals("f")) {
            return folded.equals(live) || (folded.equals("t") ? "true" : "false").equals(live);
        }
        List<String> array = PgText.parseArray(folded);
        if (array != null && PgText.parseArray(live) != null) {
            return array.equals(PgText.parseArray(live));
        }
        if (TIMESTAMP.matcher(folded).matches() && TIMESTAMP.matcher(live).matches()) {
            return LocalDateTime.parse(folded.replace(' ', 'T')).equals(LocalDateTime.parse(live.replace(' ', 'T')));
        }
        return folded.equals(live);
    }

    /** The stream an annotation row's events are in. */
    static String annotationStream(RowData row) {
        String doc = row.get("documentId");
        return doc == null ? AnnotationEvents.NON_DOCUMENT_STREAM : doc;
    }

    /** The id the row's events name it by (an entity type's is its name). */
    static String rowId(String model, List<String> key) {
        return key.get(0);
    }
}
