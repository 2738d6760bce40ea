package org.semiont.ops.pglog;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL's own log ({@code <data-dir>/logs/postgres.log}): its messages as it writes them, slow
 * statements among them ({@code duration: … ms  statement: …}). Lines are filtered by a case-insensitive text.
 */
public final class PostgresLog {
    public static final String FILE = "postgres.log";
    private final Path file;
    private final Optional<String> grep;

    public PostgresLog(Path logDir, Optional<String> grep) {
        this.file = logDir.resolve(FILE);
        this.grep = grep.map(g -> g.toLowerCase(Locale.ROOT));
    }

    public Path file() {
        return file;
    }

    /** Every matching line now in the file; returns the offset where {@link #follow} goes on. */
    public long read(Consumer<String> out) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        long size = Files.size(file);
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(this::matches).forEach(out);
        }
        return size;
    }

    /** Prints lines appended after {@code offset} until {@code keepGoing} is false; a file that shrinks is re-read from its start. */
    public void follow(long offset, Consumer<String> out, BooleanSupplier keepGoing) throws IOException, InterruptedException {
        StringBuilder partial = new StringBuilder();
        long at = offset;
        while (keepGoing.getAsBoolean()) {
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size < at) {
                at = 0;
                partial.setLength(0);
            }
            if (size == at) {
                Thread.sleep(200);
                continue;
            }
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                raf.seek(at);
                byte[] buf = new byte[(int) Math.min(size - at, 1 << 20)];
                raf.readFully(buf);
                at += buf.length;
                partial.append(new String(buf, StandardCharsets.UTF_8));
            }
            for (int nl = partial.indexOf("\n"); nl >= 0; nl = partial.indexOf("\n")) {
                String line = partial.substring(0, nl);
                partial.delete(0, nl + 1);
                if (matches(line)) {
                    out.accept(line);
                }
            }
        }
    }

    private boolean matches(String line) {
        return grep.isEmpty() || line.toLowerCase(Locale.ROOT).contains(grep.get());
    }
}
