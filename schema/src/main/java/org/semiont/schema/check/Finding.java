package org.semiont.schema.check;

import java.util.Objects;

/** A warning or an unexecutable step: a stable code (Prisma's check name) and a message for people. */
public record Finding(String code, String message) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
