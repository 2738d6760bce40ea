package org.semiont.events.commit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The global log's segment files, named by the first position they hold. */
final class WalSegments {
    private static final Pattern NAME = Pattern.compile("wal-(\\d{20})\\.log");

    private WalSegments() {
    }

    static Path path(Path dir, long firstPosition) {
        return dir.resolve(String.format(Locale.ROOT, "wal-%020d.log", firstPosition));
    }

    static long firstPosition(Path segment) {
        Matcher m = NAME.matcher(segment.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a log segment: " + segment);
        }
        return Long.parseLong(m.group(1));
    }

    static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "wal-*.log")) {
            for (Path p : ds) {
                if (NAME.matcher(p.getFileName().toString()).matches()) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the global log in " + dir, e);
        }
        out.sort((a, b) -> Long.compare(firstPosition(a), firstPosition(b)));
        return out;
    }

    /** The segment that holds {@code position}: the last one starting at or before it. */
    static int indexFor(List<Path> segments, long position) {
        int found = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (firstPosition(segments.get(i)) <= position) {
                found = i;
            }
        }
        return found;
    }
}
