package org.semiont.ops.target;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket and key prefix of S3 or an S3-compatible server. An object appears whole when its upload ends, so
 * {@link #create} spools to a temporary file and uploads it on close, and {@link #putAtomically} is one upload. S3 has
 * no locks: {@link S3Lease} keeps a lock object with a renewed lease instead.
 */
public final class S3Target implements BackupTarget, AutoCloseable {
    private final S3Client s3;
    private final S3Location location;
    private final Clock clock;

    S3Target(S3Client s3, S3Location location, Clock clock) {
        this.s3 = s3;
        this.location = location;
        this.clock = clock;
    }

    @Override
    public String describe() {
        return location.toString();
    }

    private String full(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.contains("//") || key.contains("/../") || key.startsWith("../")) {
            throw new IllegalArgumentException("invalid key '" + key + "' in " + location);
        }
        return location.prefix() + key;
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            s3.headObject(b -> b.bucket(location.bucket()).key(full(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw io("reading", key, e);
        } catch (SdkException e) {
            throw io("reading", key, e);
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        int strip = location.prefix().length();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(location.bucket()).prefix(location.prefix() + prefix)).contents()) {
                keys.add(o.key().substring(strip));
            }
        } catch (SdkException e) {
            throw io("listing", prefix, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(location.bucket()).key(full(key)));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(location + key);
        } catch (SdkException e) {
            throw io("reading", key, e);
        }
    }

    @Override
    public OutputStream create(String key) throws IOException {
        String k = full(key);
        Path spool = Files.createTempFile("semiont-s3-", ".part");
        return new FilterOutputStream(Files.newOutputStream(spool)) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    super.close();
                    s3.putObject(b -> b.bucket(location.bucket()).key(k), RequestBody.fromFile(spool));
                } catch (SdkException e) {
                    throw io("writing", key, e);
                } finally {
                    Files.deleteIfExists(spool);
                }
            }
        };
    }

    @Override
    public void putAtomically(String key, byte[] bytes) throws IOException {
        try {
            s3.putObject(b -> b.bucket(location.bucket()).key(full(key)), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw io("writing", key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(location.bucket()).key(full(key)));
        } catch (SdkException e) {
            throw io("deleting", key, e);
        }
    }

    @Override
    public AutoCloseable lock(String purpose) throws IOException {
        return S3Lease.acquire(this, purpose, clock);
    }

    String readSmall(String key) throws IOException {
        try (InputStream in = open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private IOException io(String doing, String key, SdkException e) {
        return new IOException(doing + " " + location + key + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
