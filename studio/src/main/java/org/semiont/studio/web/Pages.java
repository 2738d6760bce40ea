package org.semiont.studio.web;

import java.util.List;
import org.semiont.studio.browse.Filter;
import org.semiont.studio.browse.ModelSummary;
import org.semiont.studio.browse.SqlText;
import org.semiont.studio.events.EventRow;
import org.semiont.studio.events.LogBrowser;

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

    public record Field(String name, String type, String value, boolean isNull, boolean json, String link, boolean editable) {
    }

    public record Link(String label, String url) {
    }

    public record Row(Chrome chrome, String model, String kind, String keyToken, String version, List<Field> fields,
                      List<Link> relations, List<EventRow> events, String streamNote, List<SqlText> ran, String message,
                      String editForm, String annotationBody, boolean archived, String entityTypes, boolean userAdmin,
                      boolean userModerator, boolean userActive) {
        public boolean hasEvents() {
            return events != null;
        }
    }

    public record NewRow(Chrome chrome, String model, List<Field> fields) {
    }

    public record Log(Chrome chrome, List<LogBrowser.StreamInfo> streams, List<EventRow> events, String stream, String type,
                      String user, String from, String to, long lastPosition, String olderUrl, String verifyResult,
                      List<String> defects) {
    }

    public record Schema(Chrome chrome, String pulled, List<String> warnings, boolean inSync, List<String> differences,
                         List<String> statements, String error) {
    }

    public record Fact(String label, String value) {
    }

    public record Health(Chrome chrome, String healthJson, List<Fact> facts) {
    }
}
