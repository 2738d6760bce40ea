package org.semiont.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Valid but odd JSON, as text: deep (up to 60 levels, under the request limit of 64), wide, unicode-heavy (astral
 * characters, combining marks, right-to-left text, zero-width and control characters, escaped lone surrogates),
 * extreme numbers. Text rather than a tree so that what no JSON library would write (a lone surrogate escape,
 * 400-digit numbers) is sent exactly.
 */
final class OddJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_DEPTH = 60;

    private OddJson() {
    }

    /** Code points from the awkward corners of Unicode, plain ASCII among them so names stay readable. */
    private static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x01, 0x1f)),          // controls
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x0300, 0x036f)),      // combining marks
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x0590, 0x06ff)),      // Hebrew, Arabic
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0x200b, 0x200d, 0x200e, 0x200f, 0x202e, 0x2028, 0x2029, 0xfeff,
                        0xfffd, 0xffff)),                                                        // invisible, odd
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x4e00, 0x9fff)),      // CJK
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x1f300, 0x1faff)),    // emoji (astral)
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));  // any astral
    }

    /** A non-empty string of those code points, at most {@code max} of them. */
    static Arbitrary<String> strings(int max) {
        return codePoints().list().ofMinSize(1).ofMaxSize(max).map(cps -> {
            StringBuilder b = new StringBuilder();
            cps.forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    /** A string as a JSON literal; sometimes with an escaped lone surrogate, which Jackson reads but cannot re-encode. */
    static Arbitrary<String> stringLiterals(int max) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, strings(max).map(OddJson::quote)),
                net.jqwik.api.Tuple.of(1, strings(max).map(s -> "\"" + quote(s).substring(1, quote(s).length() - 1)
                        + "\\ud800\"")));
    }

    private static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("-0", "0.0", "1e308", "-1.7976931348623157e308", "4.9e-324", "1E-400", "1e400",
                        "123456789012345678901234567890", "0." + "3".repeat(400), "9".repeat(400)));
    }

    private static Arbitrary<String> scalars() {
        return Arbitraries.oneOf(stringLiterals(40), numbers(), Arbitraries.of("true", "false", "null"));
    }

    /** Any JSON value up to {@code depth} levels: deep chains, wide arrays and objects with odd keys. */
    static Arbitrary<String> values(int depth) {
        if (depth <= 1) {
            return scalars();
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> values(depth - 1));
        Arbitrary<String> array = inner.list().ofMaxSize(6).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object = net.jqwik.api.Combinators.combine(stringLiterals(12).list().ofMaxSize(6).uniqueElements(),
                inner.list().ofSize(6)).as((keys, vals) -> {
                    StringBuilder b = new StringBuilder("{");
                    for (int i = 0; i < keys.size(); i++) {
                        b.append(i == 0 ? "" : ",").append(keys.get(i)).append(':').append(vals.get(i));
                    }
                    return b.append('}').toString();
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, scalars()), net.jqwik.api.Tuple.of(2, array),
                net.jqwik.api.Tuple.of(2, object));
    }

    /** A chain {@code [[[…x…]]]} or {@code {"a":{"a":…}}} exactly {@code levels} deep around a scalar. */
    static Arbitrary<String> deep() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(2, MAX_DEPTH - 4), Arbitraries.of(true, false),
                scalars()).as((levels, arrays, leaf) -> arrays
                        ? "[".repeat(levels) + leaf + "]".repeat(levels)
                        : "{\"a\":".repeat(levels) + leaf + "}".repeat(levels));
    }

    /** Up to 5,000 elements in one array (well under the 1 MiB body limit). */
    static Arbitrary<String> wide() {
        Arbitrary<String> small = Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf), stringLiterals(8));
        return Arbitraries.integers().between(100, 5000).flatMap(n -> small.list().ofSize(n)
                .map(l -> "[" + String.join(",", l) + "]"));
    }

    /** Deep, wide or mixed: the values the properties put where a request allows any JSON. */
    static Arbitrary<String> anyValue() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, values(5)), net.jqwik.api.Tuple.of(2, deep()),
                net.jqwik.api.Tuple.of(1, wide()));
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An object's text from alternating keys and JSON texts. */
    static String object(String... keysAndJson) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < keysAndJson.length; i += 2) {
            b.append(i == 0 ? "" : ",").append(quote(keysAndJson[i])).append(':').append(keysAndJson[i + 1]);
        }
        return b.append('}').toString();
    }

    static String array(List<String> jsonTexts) {
        return "[" + String.join(",", jsonTexts) + "]";
    }
}
