package org.semiont.ops.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.semiont.ops.backup.ContentNames;
import org.semiont.ops.backup.FileCopies;
import org.semiont.ops.backup.Layout;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.target.BackupTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads the content files of a data dir that the target does not hold yet. Content files never change and are
 * written before the events that name them, so after reading the log's end every file those events need is there.
 * Knows what it shipped; learns what the target already holds once, at the first call.
 */
final class ContentShipper {
    private static final Logger LOG = LoggerFactory.getLogger(ContentShipper.class);
    private final BackupTarget target;
    private final Path documents;
    private Set<String> known;

    ContentShipper(BackupTarget target, Path dataDir) {
        this.target = target;
        this.documents = dataDir.resolve("documents");
    }

    /** The files uploaded now, as manifest entries. */
    List<Manifest.FileEntry> shipNew() throws IOException {
        if (known == null) {
            known = new HashSet<>(target.list(Layout.CONTENT));
        }
        List<Manifest.FileEntry> shipped = new ArrayList<>();
        if (!Files.isDirectory(documents)) {
            return shipped;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(documents)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".dat") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path file : files) {
            String key = Layout.CONTENT + documents.relativize(file).toString().replace('\\', '/');
            if (known.contains(key)) {
                continue;
            }
            Manifest.FileEntry entry = FileCopies.upload(file, target, key);
            known.add(key);
            if (!ContentNames.matches(file, entry.sha256())) {
                LOG.warn("Content file {} does not match the checksum in its name; not archived", file);
                target.delete(key);
                continue;
            }
            shipped.add(entry);
        }
        return shipped;
    }
}
