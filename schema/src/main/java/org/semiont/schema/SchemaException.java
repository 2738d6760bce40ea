package org.semiont.schema;

import java.util.List;

/** The one unchecked exception of the schema module; {@link #error()} is a stable code. */
public class SchemaException extends RuntimeException {
    private final SchemaError error;
    private final List<String> details;

    public SchemaException(SchemaError error, String message) {
        this(error, message, List.of(), null);
    }

    public SchemaException(SchemaError error, String message, Throwable cause) {
        this(error, message, List.of(), cause);
    }

    public SchemaException(SchemaError error, String message, List<String> details, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.details = List.copyOf(details);
    }

    public SchemaError error() {
        return error;
    }

    /** Further lines (e.g. one per diagnostic), for people. */
    public List<String> details() {
        return details;
    }
}
