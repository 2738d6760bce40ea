package org.semiont.schema.generate;

import java.util.Optional;
import org.semiont.schema.psl.Expr;
import org.semiont.schema.psl.Field;

/**
 * A value the application fills in on insert because the database has no default for it:
 * {@code @default(cuid())}, {@code cuid(2)}, {@code uuid()}/{@code uuid(4)}, {@code uuid(7)}, {@code nanoid(n)},
 * {@code ulid()}, and {@code @updatedAt} (also on update).
 *
 * @param size the nanoid length (21 when not given); 0 for the others
 */
public record GeneratedDefault(Kind kind, int size) {
    public enum Kind { CUID, CUID2, UUID4, UUID7, NANOID, ULID, UPDATED_AT }

    public static final int NANOID_DEFAULT_SIZE = 21;

    /** The generated default of a field, if it has one. */
    public static Optional<GeneratedDefault> of(Field f) {
        if (f.attribute("updatedAt").isPresent()) {
            return Optional.of(new GeneratedDefault(Kind.UPDATED_AT, 0));
        }
        return f.attribute("default").flatMap(a -> a.arg("value", 0))
                .filter(Expr.Call.class::isInstance).map(Expr.Call.class::cast).flatMap(GeneratedDefault::of);
    }

    private static Optional<GeneratedDefault> of(Expr.Call c) {
        String arg = c.args().isEmpty() || !(c.args().get(0).value() instanceof Expr.NumberLit) ? ""
                : ((Expr.NumberLit) c.args().get(0).value()).text();
        switch (c.name()) {
            case "cuid": return Optional.of(new GeneratedDefault(arg.equals("2") ? Kind.CUID2 : Kind.CUID, 0));
            case "uuid": return Optional.of(new GeneratedDefault(arg.equals("7") ? Kind.UUID7 : Kind.UUID4, 0));
            case "ulid": return Optional.of(new GeneratedDefault(Kind.ULID, 0));
            case "nanoid": return Optional.of(new GeneratedDefault(Kind.NANOID, arg.isEmpty() ? NANOID_DEFAULT_SIZE : Integer.parseInt(arg)));
            default: return Optional.empty();
        }
    }
}
