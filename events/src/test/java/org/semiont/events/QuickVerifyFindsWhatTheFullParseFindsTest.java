package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.semiont.events.chain.Sha256;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.LineCodec;
import org.semiont.events.jsonl.LineFormatException;
import org.semiont.events.jsonl.LineReader;
import org.semiont.events.jsonl.StreamLayout;
import org.semiont.events.jsonl.StreamVerifier;

/**
 * The stream verifier reads only the fields its checks need; here every kind of damage, at seeded random places, must
 * give exactly the defects (kind, file, line, sequence, message, order) of the reference: every line copied, parsed in
 * full and checked as before.
 */
class QuickVerifyFindsWhatTheFullParseFindsTest {
    private static final String STREAM = "doc-quick";
    private static final int CASES_PER_KIND = 25;

    @TempDir
    static Path base;

    private static List<Path> files;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeAStreamOverSeveralFiles() throws IOException {
        try (EventLog log = EventLog.open(base, Fixtures.options().withEventsPerFile(7))) {
            for (int i = 0; i < 20; i++) {
                log.append(STREAM, ExpectedVersion.any(), Fixtures.event("x", STREAM, "event number " + i + " \u00e9\u4e2d"));
            }
        }
        files = new StreamLayout(base.resolve("events")).files(STREAM);
        assertThat(files).hasSize(3);
    }

    /** A damage: takes a file's lines (with their newlines) and returns the damaged bytes. */
    private static final List<Arguments> DAMAGES = List.of(
            Arguments.of("a flipped byte anywhere", true, (BiFunction<byte[], Random, byte[]>) (b, r) -> {
                b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                return b;
            }),
            Arguments.of("a byte set to a JSON character", true, (BiFunction<byte[], Random, byte[]>) (b, r) -> {
                b[r.nextInt(b.length)] = (byte) "\"\\{}:,0a\n\t".charAt(r.nextInt(10));
                return b;
            }),
            Arguments.of("a deleted line", true, (BiFunction<byte[], Random, byte[]>) (b, r) -> edit(b, r, (lines, i) -> lines.remove((int) i))),
            Arguments.of("a duplicated line", true, (BiFunction<byte[], Random, byte[]>) (b, r) -> edit(b, r, (lines, i) -> lines.add(i, lines.get(i)))),
            Arguments.of("two lines swapped", true, (BiFunction<byte[], Random, byte[]>) (b, r) -> edit(b, r, (lines, i) -> {
                String l = lines.get(i);
                int j = r.nextInt(lines.size());
                lines.set(i, lines.get(j));
                lines.set(j, l);
            })),
            Arguments.of("a torn tail", true, (BiFunction<byte[], Random, byte[]>) (b, r) -> Arrays.copyOf(b, 1 + r.nextInt(b.length - 1))),
            Arguments.of("a metadata character written as an escape", false, (BiFunction<byte[], Random, byte[]>) (b, r) -> edit(b, r, (lines, i) -> {
                String l = lines.get(i);
                int at = l.lastIndexOf("\"checksum\":\"") + 12 + r.nextInt(64);
                lines.set(i, l.substring(0, at) + String.format("\\u%04x", (int) l.charAt(at)) + l.substring(at + 1));
            })),
            Arguments.of("a prevEventHash of another length", true, (BiFunction<byte[], Random, byte[]>) (b, r) -> edit(b, r, (lines, i) ->
                    lines.set(i, lines.get(i).replaceFirst("\"prevEventHash\":\"([0-9a-f]{10})", "\"prevEventHash\":\"$1$1")))),
            Arguments.of("metadata keys in another order", false, (BiFunction<byte[], Random, byte[]>) (b, r) -> edit(b, r, (lines, i) ->
                    lines.set(i, lines.get(i).replaceFirst("\\{\"sequenceNumber\":(\\d+),\"streamPosition\":0,",
                            "{\"streamPosition\":0,\"sequenceNumber\":$1,")))),
            Arguments.of("an empty line", true, (BiFunction<byte[], Random, byte[]>) (b, r) -> edit(b, r, (lines, i) -> lines.add(i, ""))));

    static Stream<Arguments> damages() {
        return DAMAGES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void everyDamageGivesTheReferenceReport(String name, boolean damaging, BiFunction<byte[], Random, byte[]> damage)
            throws IOException {
        int found = 0;
        for (int seed = 0; seed < CASES_PER_KIND; seed++) {
            Random r = new Random(seed * 31L + name.hashCode());
            List<Path> copies = copyFiles(dir.resolve(name.replace(' ', '-') + "-" + seed));
            Path damaged = copies.get(r.nextInt(copies.size()));
            Files.write(damaged, damage.apply(Files.readAllBytes(damaged), r));
            Path root = copies.get(0).getParent().getParent();
            List<Defect> quick = new StreamVerifier().verify(STREAM, copies, root).defects();
            assertThat(quick).as(name + ", seed " + seed).containsExactlyElementsOf(reference(copies, root));
            found += quick.isEmpty() ? 0 : 1;
        }
        if (damaging) {
            assertThat(found).as("cases of '" + name + "' with a defect").isGreaterThan(CASES_PER_KIND / 2);
        } else {
            assertThat(found).as("cases of '" + name + "' (the same line in another spelling) with a defect").isZero();
        }
    }

    private static byte[] edit(byte[] b, Random r, BiFunctionOnLines f) {
        List<String> lines = new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
        lines.remove(lines.size() - 1); // after the last newline
        f.apply(lines, r.nextInt(lines.size()));
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private interface BiFunctionOnLines {
        void apply(List<String> lines, Integer index);
    }

    private List<Path> copyFiles(Path into) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            Path copy = into.resolve("s").resolve(f.getFileName());
            Files.createDirectories(copy.getParent());
            out.add(Files.copy(f, copy));
        }
        return out;
    }

    /** The verifier as it was: every line copied, parsed in full, then checked. */
    private static List<Defect> reference(List<Path> files, Path root) {
        List<Defect> defects = new ArrayList<>();
        ReferenceChain chain = new ReferenceChain(defects);
        LineCodec codec = new LineCodec();
        for (Path f : files) {
            String name = root.relativize(f).toString();
            try (LineReader r = new LineReader(f)) {
                for (byte[] b; (b = r.next()) != null; ) {
                    if (!r.complete()) {
                        chain.torn(name, r.lineNumber(), b.length);
                        break;
                    }
                    try {
                        chain.accept(name, r.lineNumber(), codec.parse(b));
                    } catch (LineFormatException e) {
                        chain.malformed(name, r.lineNumber(), e.getMessage());
                    }
                }
            } catch (IOException e) {
                defects.add(new Defect(STREAM, name, 0, 0, Defect.Kind.UNREADABLE, e.toString()));
            }
        }
        return defects;
    }

    /** The chain check as it was before the quick path: hex strings compared with {@code equals}. */
    private static final class ReferenceChain {
        private final List<Defect> defects;
        private long expectedSequence = 1;
        private String previousChecksum;

        ReferenceChain(List<Defect> defects) {
            this.defects = defects;
        }

        void accept(String file, long lineNo, EventLine line) {
            long seq = line.sequence();
            String actual = Sha256.hex(line.bytes(), line.eventStart(), line.eventLength());
            if (!actual.equals(line.checksum())) {
                add(file, lineNo, seq, Defect.Kind.CHECKSUM_MISMATCH,
                        "stored checksum " + line.checksum() + " but the event bytes hash to " + actual);
            }
            if (seq != expectedSequence) {
                add(file, lineNo, seq, Defect.Kind.SEQUENCE_GAP, "sequence " + seq + " where " + expectedSequence + " was expected");
            }
            String prev = line.prevEventHash();
            if (previousChecksum == null) {
                if (prev != null && seq == 1) {
                    add(file, lineNo, seq, Defect.Kind.BROKEN_LINK, "the first event has prevEventHash " + prev + " but should have none");
                }
            } else if (!previousChecksum.equals(prev)) {
                add(file, lineNo, seq, Defect.Kind.BROKEN_LINK,
                        "prevEventHash " + prev + " does not match the previous checksum " + previousChecksum);
            }
            expectedSequence = seq + 1;
            previousChecksum = line.checksum();
        }

        void malformed(String file, long lineNo, String why) {
            add(file, lineNo, 0, Defect.Kind.MALFORMED_LINE, why);
            expectedSequence++;
            previousChecksum = null;
        }

        void torn(String file, long lineNo, int bytes) {
            add(file, lineNo, 0, Defect.Kind.TORN_TAIL, "the last line has no newline (" + bytes
                    + " bytes of a write cut short); it is truncated when the log is next opened for writing");
        }

        private void add(String file, long lineNo, long seq, Defect.Kind kind, String detail) {
            defects.add(new Defect(STREAM, file, lineNo, seq, kind, detail));
        }
    }
}
