package org.semiont.ops.schedule;

import java.util.BitSet;

/** One field of a cron expression as the set of values it allows. */
final class CronField {
    private CronField() {
    }

    static BitSet parse(String field, int min, int max, String name) {
        BitSet set = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            add(set, part, min, max, name, field);
        }
        return set;
    }

    private static void add(BitSet set, String part, int min, int max, String name, String field) {
        String range = part;
        int step = 1;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            range = part.substring(0, slash);
            step = number(part.substring(slash + 1), 1, max, name, field);
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.contains("-")) {
            String[] ab = range.split("-", 2);
            from = number(ab[0], min, max, name, field);
            to = number(ab[1], min, max, name, field);
            if (to < from) {
                throw bad(name, field, "range " + range + " runs backwards");
            }
        } else {
            from = number(range, min, max, name, field);
            to = slash >= 0 ? max : from;
        }
        for (int v = from; v <= to; v += step) {
            set.set(v);
        }
    }

    private static int number(String s, int min, int max, String name, String field) {
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw bad(name, field, "'" + s + "' is not a number");
        }
        if (v < min || v > max) {
            throw bad(name, field, v + " is outside " + min + "-" + max);
        }
        return v;
    }

    private static IllegalArgumentException bad(String name, String field, String why) {
        return new IllegalArgumentException("the " + name + " field '" + field + "' of the schedule is invalid: " + why);
    }
}
