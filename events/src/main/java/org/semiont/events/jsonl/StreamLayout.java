package org.semiont.events.jsonl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.semiont.events.StreamIds;

/**
 * Where streams live, exactly as the original lays them out:
 * {@code <root>/<ab>/<cd>/<streamId>/events-NNNNNN.jsonl}, {@code <root>/__system__/…} unsharded.
 */
public final class StreamLayout {
    private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern EVENT_FILE = Pattern.compile("events-(\\d{6,})\\.jsonl");

    private final Path root;

    public StreamLayout(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** {@code abs(hashCode) % 65536} as four lowercase hex digits (the original's shard function). */
    public static String shard(String streamId) {
        long h = Math.abs((long) streamId.hashCode()) % 65536;
        return String.format(Locale.ROOT, "%04x", h);
    }

    public Path streamDir(String streamId) {
        StreamIds.validate(streamId);
        if (streamId.equals(StreamIds.SYSTEM)) {
            return root.resolve(streamId);
        }
        String s = shard(streamId);
        return root.resolve(s.substring(0, 2)).resolve(s.substring(2)).resolve(streamId);
    }

    public static String fileName(int fileNumber) {
        return String.format(Locale.ROOT, "events-%06d.jsonl", fileNumber);
    }

    public Path file(String streamId, int fileNumber) {
        return streamDir(streamId).resolve(fileName(fileNumber));
    }

    /** The stream's event files in order, empty when the stream does not exist. */
    public List<Path> files(String streamId) {
        return eventFiles(streamDir(streamId));
    }

    public static List<Path> eventFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "events-*.jsonl")) {
            for (Path p : ds) {
                if (EVENT_FILE.matcher(p.getFileName().toString()).matches()) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        files.sort((a, b) -> Integer.compare(fileNumber(a), fileNumber(b)));
        return files;
    }

    public static int fileNumber(Path file) {
        var m = EVENT_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an event file: " + file);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Every stream directory under the root (shards and {@code __system__}), by id. */
    public List<String> streamIds() {
        List<String> ids = new ArrayList<>();
        if (Files.isDirectory(root.resolve(StreamIds.SYSTEM))) {
            ids.add(StreamIds.SYSTEM);
        }
        for (Path ab : list(root)) {
            if (!SHARD.matcher(ab.getFileName().toString()).matches()) {
                continue;
            }
            for (Path cd : list(ab)) {
                if (SHARD.matcher(cd.getFileName().toString()).matches()) {
                    list(cd).forEach(s -> ids.add(s.getFileName().toString()));
                }
            }
        }
        return ids;
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort(null);
        return out;
    }
}
