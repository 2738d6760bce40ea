package org.semiont.server.projection;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Builds rows in PostgreSQL's binary COPY format into one growing buffer: per row a field count, per field a
 * length and the value in the type's binary form. Nothing needs escaping, and the server does not parse text
 * for numbers, timestamps and arrays. Each method writes one field of the column type it is named after.
 */
public final class CopyBinary {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH = LocalDateTime.of(2000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final int TEXT_OID = 25;
    private static final byte JSONB_VERSION = 1;
    private byte[] buf = new byte[1 << 16];
    private int size;

    /** The file header: signature, flags, header extension length. */
    public CopyBinary header() {
        put(SIGNATURE, 0, SIGNATURE.length);
        int32(0);
        int32(0);
        return this;
    }

    public CopyBinary row(int fields) {
        int16(fields);
        return this;
    }

    /** The end-of-data marker. */
    public void trailer() {
        int16(-1);
    }

    public CopyBinary text(String value) {
        if (value == null) {
            int32(-1);
            return this;
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        int32(b.length);
        put(b, 0, b.length);
        return this;
    }

    /** {@code json}: the text, which the server validates and stores as is. */
    public CopyBinary json(String value) {
        return text(value);
    }

    /** {@code jsonb}: a version byte, then the text. */
    public CopyBinary jsonb(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        int32(b.length + 1);
        ensure(1);
        buf[size++] = JSONB_VERSION;
        put(b, 0, b.length);
        return this;
    }

    public CopyBinary int8(long value) {
        int32(8);
        int64(value);
        return this;
    }

    /** {@code timestamp}: microseconds since 2000-01-01, rounded as the JDBC driver rounds a bound value. */
    public CopyBinary timestamp(LocalDateTime value) {
        if (value == null) {
            int32(-1);
            return this;
        }
        long micros = (value.toEpochSecond(ZoneOffset.UTC) - POSTGRES_EPOCH) * 1_000_000L + (value.getNano() + 500) / 1000;
        return int8(micros);
    }

    /** {@code text[]}: one dimension (none when empty), no nulls, element type text. */
    public CopyBinary textArray(List<String> values) {
        int lengthAt = size;
        int32(0);
        int start = size;
        int32(values.isEmpty() ? 0 : 1);
        int32(0);
        int32(TEXT_OID);
        if (!values.isEmpty()) {
            int32(values.size());
            int32(1);
            for (String v : values) {
                text(v);
            }
        }
        patch32(lengthAt, size - start);
        return this;
    }

    public int size() {
        return size;
    }

    public byte[] bytes() {
        return buf;
    }

    public void clear() {
        size = 0;
    }

    private void int16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        patch32(size, v);
        size += 4;
    }

    private void patch32(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void put(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
