package org.semiont.ops.schedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Optional;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}) read in UTC: each field {@code *},
 * a number, a range {@code a-b}, a step {@code *}{@code /n} or {@code a-b/n}, or a comma list of those; day of week 0-7
 * with 0 and 7 both Sunday. As in cron, when both day fields are restricted a day matching either one counts. Pure.
 */
public final class CronSchedule {
    private static final int MAX_YEARS = 5;
    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean daysRestricted;
    private final boolean weekdaysRestricted;

    private CronSchedule(String text, String[] f) {
        this.text = text;
        this.minutes = CronField.parse(f[0], 0, 59, "minute");
        this.hours = CronField.parse(f[1], 0, 23, "hour");
        this.days = CronField.parse(f[2], 1, 31, "day of month");
        this.months = CronField.parse(f[3], 1, 12, "month");
        BitSet w = CronField.parse(f[4], 0, 7, "day of week");
        if (w.get(7)) {
            w.set(0);
        }
        this.weekdays = w;
        this.daysRestricted = !f[2].equals("*");
        this.weekdaysRestricted = !f[4].equals("*");
    }

    /** Parses an expression; throws {@link IllegalArgumentException} naming the bad field. */
    public static CronSchedule parse(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("a schedule needs five fields (minute hour day-of-month month day-of-week, "
                    + "e.g. '0 3 * * *'), got '" + text + "'");
        }
        return new CronSchedule(text.trim(), f);
    }

    /** The first moment strictly after {@code after} that the schedule names, or empty if none within five years. */
    public Optional<Instant> next(Instant after) {
        ZonedDateTime t = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(MAX_YEARS);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return Optional.of(t.toInstant());
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = days.get(t.getDayOfMonth());
        boolean dow = weekdays.get(t.getDayOfWeek().getValue() % 7);
        if (daysRestricted && weekdaysRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    @Override
    public String toString() {
        return text;
    }
}
