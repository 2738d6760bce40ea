package org.semiont.events.commit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One entry of the global log: the event's global position, stream, sequence and line bytes.
 * On disk: {@code int bodyLength, int crc32c(body), body = long position, long sequence,
 * short idLength, id UTF-8, line bytes}.
 */
public record WalRecord(long position, String streamId, long sequence, byte[] line) {
    static final int HEADER = 8;

    void encode(ByteBuffer out) {
        byte[] id = streamId.getBytes(StandardCharsets.UTF_8);
        int bodyLen = 18 + id.length + line.length;
        int start = out.position();
        out.putInt(bodyLen).putInt(0).putLong(position).putLong(sequence).putShort((short) id.length)
                .put(id).put(line);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), out.arrayOffset() + start + HEADER, bodyLen);
        out.putInt(start + 4, (int) crc.getValue());
    }

    int encodedSize() {
        return HEADER + 18 + streamId.getBytes(StandardCharsets.UTF_8).length + line.length;
    }

    /** Decodes the body at {@code buf[off..off+len)}, or null if the checksum does not match. */
    static WalRecord decode(byte[] buf, int off, int len, int expectedCrc) {
        CRC32C crc = new CRC32C();
        crc.update(buf, off, len);
        if ((int) crc.getValue() != expectedCrc || len < 18) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(buf, off, len);
        long position = b.getLong();
        long sequence = b.getLong();
        int idLen = b.getShort() & 0xffff;
        if (18 + idLen > len) {
            return null;
        }
        String id = new String(buf, off + 18, idLen, StandardCharsets.UTF_8);
        byte[] line = new byte[len - 18 - idLen];
        System.arraycopy(buf, off + 18 + idLen, line, 0, line.length);
        return new WalRecord(position, id, sequence, line);
    }
}
