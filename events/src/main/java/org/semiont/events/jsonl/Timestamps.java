package org.semiont.events.jsonl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * JavaScript {@code Date.toISOString()}: UTC, exactly three fractional digits, {@code Z}. Every event carries
 * one, and the projector and rebuild read and write them per event, so the common shape (years 1970–9999) is
 * handled by hand; anything else goes through {@code java.time}, which is also what the fast paths must equal.
 */
public final class Timestamps {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** 10000-01-01T00:00:00Z: from here on the year no longer has four digits. */
    private static final long YEAR_10000 = 253_402_300_800L;
    private static final int SECONDS_PER_DAY = 86_400;

    private Timestamps() {
    }

    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            return ISO_MILLIS.format(instant);
        }
        LocalDate day = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
        int second = (int) (seconds % SECONDS_PER_DAY);
        char[] c = new char[24];
        put(c, 0, day.getYear(), 4);
        c[4] = '-';
        put(c, 5, day.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, day.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, second / 3600, 2);
        c[13] = ':';
        put(c, 14, second / 60 % 60, 2);
        c[16] = ':';
        put(c, 17, second % 60, 2);
        c[19] = '.';
        put(c, 20, instant.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    public static Instant parse(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int millis = digits(text, 20, 3);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour >= 0 && hour <= 23 && minute >= 0
                    && minute <= 59 && second >= 0 && second <= 59 && millis >= 0) {
                long days = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, millis * 1_000_000L);
            }
        }
        // days 29-31 (month lengths, leap years), leap seconds, six-digit years, and errors: java.time decides
        return Instant.parse(text);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The decimal value of {@code width} ASCII digits at {@code at}, or -1 if any is not a digit. */
    private static int digits(String s, int at, int width) {
        int v = 0;
        for (int i = at; i < at + width; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
