package org.semiont.schema.generate;

import com.aventrix.jnanoid.jnanoid.NanoIdUtils;
import com.github.f4b6a3.ulid.UlidCreator;
import com.github.f4b6a3.uuid.UuidCreator;
import io.github.thibaultmeyer.cuid.CUID;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.semiont.schema.psl.Field;
import org.semiont.schema.psl.Model;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.target.ColumnKey;

/**
 * Produces the values of Prisma-level defaults, as Prisma Client does: cuid v1 (25 chars, starts with "c"),
 * cuid2 (24 chars), UUID v4 / v7, nanoid (URL-safe alphabet), ULID (26 chars), and the current time for
 * {@code @updatedAt}. The clock and the random source are injected; cuid and cuid2 use their library's own.
 */
public final class DefaultGenerators {
    private final Clock clock;
    private final Random random;

    public DefaultGenerators(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public static DefaultGenerators system() {
        return new DefaultGenerators(Clock.systemUTC(), new SecureRandom());
    }

    /** A new value: a String for ids, an {@link Instant} for UPDATED_AT. */
    public Object generate(GeneratedDefault d) {
        switch (d.kind()) {
            case CUID: return CUID.randomCUID1().toString();
            case CUID2: return CUID.randomCUID2().toString();
            case UUID4: return UUID.randomUUID().toString();
            case UUID7: return UuidCreator.getTimeOrderedEpoch(clock.instant()).toString();
            case NANOID: return NanoIdUtils.randomNanoId(random, NanoIdUtils.DEFAULT_ALPHABET, d.size());
            case ULID: return UlidCreator.getUlid(clock.millis()).toString();
            case UPDATED_AT: return clock.instant();
            default: throw new IllegalArgumentException("unknown generated default " + d);
        }
    }

    /** Every column of a schema that the application must fill, keyed like {@link org.semiont.schema.target.TargetSchema}. */
    public static Map<ColumnKey, GeneratedDefault> forSchema(PrismaSchema schema, String defaultNamespace) {
        Map<ColumnKey, GeneratedDefault> out = new HashMap<>();
        String fallback = schema.datasource() == null || schema.datasource().schemas().isEmpty()
                ? defaultNamespace : schema.datasource().schemas().get(0);
        for (Model m : schema.models()) {
            String namespace = m.attribute("schema").flatMap(a -> a.arg("name", 0))
                    .map(e -> ((org.semiont.schema.psl.Expr.StringLit) e).value()).orElse(fallback);
            for (Field f : m.fields()) {
                GeneratedDefault.of(f).ifPresent(d -> out.put(new ColumnKey(namespace, m.tableName(), f.columnName()), d));
            }
        }
        return Map.copyOf(out);
    }
}
