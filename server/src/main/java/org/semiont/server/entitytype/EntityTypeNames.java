package org.semiont.server.entitytype;

import java.util.Optional;

/**
 * What an entity type's name may be, wherever one is given (the registry, a document's entity types): 1..100
 * characters, no spaces at either end and no line breaks or control characters. "Person " and "Person" would
 * otherwise be two types that read alike in every list, and a line break cuts a label in two.
 */
public final class EntityTypeNames {
    public static final int MAX_LENGTH = 100;

    private EntityTypeNames() {
    }

    /** Why {@code name} is not a usable entity type name, if it is not. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("an entity type must not be blank");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("an entity type has at most " + MAX_LENGTH + " characters; got " + name.length());
        }
        if (space(name.codePointAt(0)) || space(name.codePointBefore(name.length()))) {
            return Optional.of("an entity type must not start or end with spaces; got \"" + name + "\"");
        }
        if (name.codePoints().anyMatch(EntityTypeNames::controlOrBreak)) {
            return Optional.of("an entity type must not hold line breaks or control characters");
        }
        return Optional.empty();
    }

    /** Java's whitespace plus Unicode's space separators (no-break space among them). */
    private static boolean space(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean controlOrBreak(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
