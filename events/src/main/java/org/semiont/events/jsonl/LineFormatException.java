package org.semiont.events.jsonl;

/** A line that is not a well-formed stored event; the message says what is wrong. */
public final class LineFormatException extends Exception {
    public LineFormatException(String message) {
        super(message);
    }

    public LineFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
