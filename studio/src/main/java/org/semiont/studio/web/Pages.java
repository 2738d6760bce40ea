package org.semiont.studio.web;

import java.util.List;
import org.semiont.studio.browse.Filter;
import org.semiont.studio.browse.ModelSummary;
import org.semiont.studio.browse.SqlText;
import org.semiont.studio.events.EventRow;
import org.semiont.studio.events.LogBrowser;
import org.semiont.studio.events.VerifyRun;
import org.semiont.studio.metrics.KeyMetrics;

/** The data each template shows, one record per page; built by the route classes, never touched by templates. */
public final class Pages {
    private Pages() {
    }

    public record Message(Chrome chrome, int status, String code, String text, String backUrl) {
    }

    public record SignIn(Chrome chrome, String error, String email, String token) {
    }

    public record Models(Chrome chrome, List<ModelSummary> models, double millis) {
    }

    public record ColumnHead(String name, String type, boolean shown, boolean sortable, String sortUrl, String mark) {
    }

    public record Cell(String text, boolean isNull) {
    }

    public record FilterRow(String column, String op, String value, String path) {
    }

    public record Table(Chrome chrome, String model, String kind, boolean canInsert, List<ColumnHead> columns,
                        List<List<Cell>> rows, List<String> rowUrls, List<FilterRow> filters, List<Filter.Op> ops,
                        List<Urls.Param> keepForFilters, List<Urls.Param> keepForColumns, String nextUrl, String firstUrl,
                        double millis, List<SqlText> ran) {
        public List<ColumnHead> shownColumns() {
            return columns.stream().filter(ColumnHead::shown).toList();
        }

        public List<Cell> shownCells(List<Cell> row) {
            List<Cell> out = new java.util.ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).shown()) {
                    out.add(row.get(i));
                }
            }
            return out;
        }
    }

    /**
     * A row's field; {@code changed}: shown as of an earlier event, it differs from the live row, whose value is
     * {@code now} (null otherwise).
     */
    public record Field(String name, String type, String value, boolean isNull, boolean json, String link, boolean editable,
                        boolean changed, String now) {
        public Field(String name, String type, String value, boolean isNull, boolean json, String link, boolean editable) {
            this(name, type, value, isNull, json, link, editable, false, null);
        }
    }

    /** One stop of the time slider: {@code step} 0 is before the row's first event, i right after its i-th. */
    public record Tick(int step, String label, String url) {
    }

    /**
     * The time slider of an event-sourced row: {@code step} of {@code steps} chosen, its {@code state} ("not-yet",
     * "present", "gone"); {@code viewing}: the fields shown are as of that step, not the live row's.
     */
    public record Slider(String action, int steps, int step, String label, String state, String stateText, String previousUrl,
                         String nextUrl, String nowUrl, boolean viewing, List<Tick> ticks) {
    }

    public record Link(String label, String url) {
    }

    public record Row(Chrome chrome, String model, String kind, String keyToken, String version, List<Field> fields,
                      List<Link> relations, List<EventRow> events, String streamNote, List<SqlText> ran, String message,
                      String editForm, String annotationBody, boolean archived, String entityTypes, boolean userAdmin,
                      boolean userModerator, boolean userActive, Slider slider) {
        public boolean hasEvents() {
            return events != null;
        }

        /** Whether the page shows the row as of an earlier event (then nothing on it edits). */
        public boolean past() {
            return slider != null && slider.viewing();
        }
    }

    public record NewRow(Chrome chrome, String model, List<Field> fields) {
    }

    public record Log(Chrome chrome, List<LogBrowser.StreamInfo> streams, List<EventRow> events, String stream, String type,
                      String user, String from, String to, long lastPosition, String olderUrl, String lastVerify) {
    }

    /** An {@code events verify} run: {@code progress} null when none has run; {@code result} once it has ended. */
    public record Verify(Chrome chrome, VerifyRun.Progress progress, String eta, String result, List<String> defects) {
    }

    public record Schema(Chrome chrome, String pulled, List<String> warnings, boolean inSync, List<String> differences,
                         List<String> statements, String error) {
    }

    public record Fact(String label, String value) {
    }

    /** {@code metrics} null when the server's metrics are off. */
    public record Health(Chrome chrome, String healthJson, List<Fact> facts, List<KeyMetrics.Metric> metrics) {
    }
}
