package org.semiont.events;

/** Stream ids become directory names: reject anything that could escape the data directory. */
public final class StreamIds {
    public static final String SYSTEM = "__system__";
    public static final int MAX_LENGTH = 200;

    private StreamIds() {
    }

    /** Returns {@code id} if it is safe to use as a directory name, else throws INVALID_STREAM_ID. */
    public static String validate(String id) {
        if (id == null || id.isEmpty()) {
            throw invalid(String.valueOf(id), "it is empty");
        }
        if (id.length() > MAX_LENGTH) {
            throw invalid(id.substring(0, 40) + "…", "it has " + id.length()
                    + " characters (at most " + MAX_LENGTH + ")");
        }
        if (id.equals(".") || id.equals("..")) {
            throw invalid(id, "it names a relative directory");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                throw invalid(printable(id), "it contains " + describe(c) + " at index " + i);
            }
        }
        return id;
    }

    private static EventsException invalid(String id, String why) {
        return new EventsException(EventsError.INVALID_STREAM_ID, "invalid stream id '" + id + "': " + why
                + "; use letters, digits and '-', '_', ':', '.' (not '/', '\\', control characters or '..')");
    }

    private static String describe(char c) {
        if (c == '/' || c == '\\') {
            return "'" + c + "'";
        }
        return String.format("control character U+%04X", (int) c);
    }

    private static String printable(String id) {
        StringBuilder sb = new StringBuilder();
        id.codePoints().limit(80).forEach(cp -> sb.append(cp < 0x20 || cp == 0x7f ? "?" : Character.toString(cp)));
        return sb.toString();
    }
}
