package org.semiont.server.logging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Reads the server's JSON log files (rotated ones first, oldest first) and follows the live one. */
public final class LogReader {
    private final Path logDir;

    public LogReader(Path logDir) {
        this.logDir = logDir;
    }

    /** Every matching line currently on disk, oldest first. */
    public void read(LogQuery query, Consumer<LogLine> out) throws IOException {
        for (Path file : filesOldestFirst()) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    emit(line, query, out);
                }
            }
        }
    }

    /**
     * After {@link #read}, waits for new lines in the live file until {@code keepGoing} is false.
     * A file that shrinks was rotated: reading restarts from its beginning.
     */
    public void follow(LogQuery query, Consumer<LogLine> out, BooleanSupplier keepGoing) throws IOException, InterruptedException {
        Path live = logDir.resolve(LogSetup.LOG_FILE);
        long offset = Files.exists(live) ? Files.size(live) : 0;
        StringBuilder partial = new StringBuilder();
        while (keepGoing.getAsBoolean()) {
            long size = Files.exists(live) ? Files.size(live) : 0;
            if (size < offset) {
                offset = 0;
                partial.setLength(0);
            }
            if (size > offset) {
                offset = readFrom(live, offset, size, partial, query, out);
            } else {
                Thread.sleep(200);
            }
        }
    }

    private long readFrom(Path file, long offset, long size, StringBuilder partial, LogQuery query, Consumer<LogLine> out) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(offset);
            byte[] buf = new byte[(int) Math.min(size - offset, 1 << 20)];
            raf.readFully(buf);
            partial.append(new String(buf, StandardCharsets.UTF_8));
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                emit(partial.substring(0, nl), query, out);
                partial.delete(0, nl + 1);
            }
            return offset + buf.length;
        }
    }

    private static void emit(String line, LogQuery query, Consumer<LogLine> out) {
        if (line.isBlank()) {
            return;
        }
        LogLine parsed = LogLine.parse(line);
        if (query.matches(parsed)) {
            out.accept(parsed);
        }
    }

    private List<Path> filesOldestFirst() {
        List<Path> files = new ArrayList<>();
        for (int i = LogSetup.MAX_ROTATED_FILES; i >= 1; i--) {
            Path rotated = logDir.resolve("semiont." + i + ".log");
            if (Files.exists(rotated)) {
                files.add(rotated);
            }
        }
        Path live = logDir.resolve(LogSetup.LOG_FILE);
        if (Files.exists(live)) {
            files.add(live);
        }
        return files;
    }
}
