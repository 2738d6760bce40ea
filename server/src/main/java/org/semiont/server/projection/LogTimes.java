package org.semiont.server.projection;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import org.semiont.events.jsonl.Timestamps;

/**
 * An event's timestamp as the UTC {@code LocalDateTime} the projections store ({@code Sql.utc(e.instant())}).
 * The log's own form, {@code 2026-11-25T12:43:49.984Z}, is read digit by digit: a bulk rebuild needs it several
 * times per event, and the general ISO parser was a sixth of its time. Anything else goes through that parser.
 */
final class LogTimes {
    private static final int LENGTH = "2026-11-25T12:43:49.984Z".length();

    private LogTimes() {
    }

    static LocalDateTime utc(String timestamp) {
        LocalDateTime fast = fast(timestamp);
        return fast != null ? fast : Sql.utc(Timestamps.parse(timestamp));
    }

    private static LocalDateTime fast(String t) {
        if (t.length() != LENGTH || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != '.' || t.charAt(23) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int millis = digits(t, 20, 3);
        if ((year | month | day | hour | minute | second | millis) < 0 || month < 1 || month > 12 || day < 1 || hour > 23
                || minute > 59 || second > 59 || (day > 28 && day > Month.of(month).length(Year.isLeap(year)))) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000);
    }

    /** The decimal value of {@code n} digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String t, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = t.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
