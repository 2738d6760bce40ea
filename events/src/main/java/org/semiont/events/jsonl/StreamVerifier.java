package org.semiont.events.jsonl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.semiont.events.Defect;
import org.semiont.events.chain.ChainCheck;

/**
 * Reads one stream's files and runs {@link ChainCheck} over every line. Lines are located in a large reused buffer
 * and only the fields the checks need are read ({@link LineFacts}); a line off the quick path is copied and parsed
 * in full, so every line is judged as {@link LineCodec#parse} would. One instance per thread: it keeps its buffer.
 */
public final class StreamVerifier {
    private final LineCodec codec = new LineCodec();
    private final LineFacts facts = new LineFacts();
    private byte[] window = new byte[1 << 20];

    /** Result for one stream. */
    public record Result(String streamId, long events, long bytes, List<Defect> defects) {
    }

    public Result verify(String streamId, List<Path> files, Path root) {
        List<Defect> defects = new ArrayList<>();
        ChainCheck chain = new ChainCheck(streamId, defects);
        long events = 0;
        long bytes = 0;
        for (Path f : files) {
            String name = root.relativize(f).toString();
            try (LineWindow w = new LineWindow(Files.newInputStream(f), window)) {
                while (w.next()) {
                    bytes += w.length() + 1;
                    if (!w.complete()) {
                        chain.torn(name, w.lineNumber(), w.length());
                        break;
                    }
                    events += check(chain, name, w);
                }
                window = w.buffer();
            } catch (IOException e) {
                defects.add(new Defect(streamId, name, 0, 0, Defect.Kind.UNREADABLE, e.toString()));
            }
        }
        return new Result(streamId, events, bytes, defects);
    }

    private int check(ChainCheck chain, String file, LineWindow w) {
        if (facts.locate(w.buffer(), w.start(), w.end())) {
            chain.accept(file, w.lineNumber(), facts);
            return 1;
        }
        try {
            chain.accept(file, w.lineNumber(), codec.parse(Arrays.copyOfRange(w.buffer(), w.start(), w.end())));
            return 1;
        } catch (LineFormatException e) {
            chain.malformed(file, w.lineNumber(), e.getMessage());
            return 0;
        }
    }
}
