package org.semiont.events.jsonl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.semiont.events.Defect;
import org.semiont.events.chain.ChainCheck;

/** Reads one stream's files and runs {@link ChainCheck} over every line. */
public final class StreamVerifier {
    private final LineCodec codec = new LineCodec();

    /** Result for one stream. */
    public record Result(String streamId, long events, long bytes, List<Defect> defects) {
    }

    public Result verify(String streamId, List<Path> files, Path root) {
        List<Defect> defects = new ArrayList<>();
        ChainCheck chain = new ChainCheck(streamId, defects);
        long events = 0;
        long bytes = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = root.relativize(f).toString();
            try (LineReader r = new LineReader(f)) {
                byte[] b;
                while ((b = r.next()) != null) {
                    bytes += b.length + 1;
                    if (!r.complete()) {
                        chain.torn(name, r.lineNumber(), b.length);
                        break;
                    }
                    events += check(chain, name, r.lineNumber(), b);
                }
            } catch (IOException e) {
                defects.add(new Defect(streamId, name, 0, 0, Defect.Kind.UNREADABLE, e.toString()));
            }
        }
        return new Result(streamId, events, bytes, defects);
    }

    private int check(ChainCheck chain, String file, long lineNo, byte[] b) {
        try {
            chain.accept(file, lineNo, codec.parse(b));
            return 1;
        } catch (LineFormatException e) {
            chain.malformed(file, lineNo, e.getMessage());
            return 0;
        }
    }
}
