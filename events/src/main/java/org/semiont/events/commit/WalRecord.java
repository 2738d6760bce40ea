package org.semiont.events.commit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One entry of the global log: the event's global position, stream, sequence and line bytes.
 * {@code endOfAppend} marks the last event of one append, so recovery keeps appends whole.
 * On disk: {@code int bodyLength, int crc32c(body), body = long position, long sequence,
 * byte flags, short idLength, id UTF-8, line bytes}.
 */
public record WalRecord(long position, String streamId, long sequence, boolean endOfAppend, byte[] line) {
    static final int HEADER = 8;
    private static final int FIXED = 19;
    private static final byte[] NO_LINE = new byte[0];

    void encode(ByteBuffer out) {
        byte[] id = streamId.getBytes(StandardCharsets.UTF_8);
        int bodyLen = FIXED + id.length + line.length;
        int start = out.position();
        out.putInt(bodyLen).putInt(0).putLong(position).putLong(sequence).put((byte) (endOfAppend ? 1 : 0))
                .putShort((short) id.length).put(id).put(line);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), out.arrayOffset() + start + HEADER, bodyLen);
        out.putInt(start + 4, (int) crc.getValue());
    }

    int encodedSize() {
        return HEADER + FIXED + streamId.getBytes(StandardCharsets.UTF_8).length + line.length;
    }

    /** Decodes the body at {@code buf[off..off+len)}, or null if the checksum does not match. */
    static WalRecord decode(byte[] buf, int off, int len, int expectedCrc, boolean withLine) {
        CRC32C crc = new CRC32C();
        crc.update(buf, off, len);
        if ((int) crc.getValue() != expectedCrc || len < FIXED) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(buf, off, len);
        long position = b.getLong();
        long sequence = b.getLong();
        boolean end = (b.get() & 1) != 0;
        int idLen = b.getShort() & 0xffff;
        if (FIXED + idLen > len) {
            return null;
        }
        String id = new String(buf, off + FIXED, idLen, StandardCharsets.UTF_8);
        byte[] line = withLine ? new byte[len - FIXED - idLen] : NO_LINE;
        System.arraycopy(buf, off + FIXED + idLen, line, 0, line.length);
        return new WalRecord(position, id, sequence, end, line);
    }
}
