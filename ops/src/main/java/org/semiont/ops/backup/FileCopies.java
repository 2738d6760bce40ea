package org.semiont.ops.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.semiont.events.chain.Sha256;
import org.semiont.ops.target.BackupTarget;

/** Copies and hashes whole files between a data dir and a target. */
public final class FileCopies {
    private static final int BUFFER = 1 << 16;

    private FileCopies() {
    }

    /** Copies {@code source} to {@code key}, returning its size and SHA-256. */
    public static Manifest.FileEntry upload(Path source, BackupTarget target, String key) throws IOException {
        MessageDigest md = Sha256.newDigest();
        long size = 0;
        try (InputStream in = Files.newInputStream(source); OutputStream out = target.create(key)) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                out.write(buf, 0, n);
                size += n;
            }
        }
        return new Manifest.FileEntry(key, size, Sha256.toHex(md.digest()));
    }

    /** The size and SHA-256 of a local file. */
    public static Manifest.FileEntry hash(Path source, String key) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            return hash(in, key);
        }
    }

    /** Reads a stream to its end, returning its size and SHA-256 under {@code key}. */
    public static Manifest.FileEntry hash(InputStream in, String key) throws IOException {
        MessageDigest md = Sha256.newDigest();
        long size = 0;
        byte[] buf = new byte[BUFFER];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
            size += n;
        }
        return new Manifest.FileEntry(key, size, Sha256.toHex(md.digest()));
    }

    /** Copies {@code key} of the target to {@code dest} (created with its folders), checking size and SHA-256. */
    public static boolean download(BackupTarget target, Manifest.FileEntry entry, Path dest) throws IOException {
        Files.createDirectories(dest.getParent());
        MessageDigest md = Sha256.newDigest();
        long size = 0;
        try (InputStream in = target.open(entry.key()); OutputStream out = Files.newOutputStream(dest)) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                out.write(buf, 0, n);
                size += n;
            }
        }
        return size == entry.size() && Sha256.toHex(md.digest()).equals(entry.sha256());
    }
}
