package org.semiont.events.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Lowercase hex SHA-256, the checksum of the original's event lines. */
public final class Sha256 {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Sha256() {
    }

    public static String hex(byte[] bytes, int offset, int length) {
        return hex(newDigest(), bytes, offset, length);
    }

    /** Hashes with a caller-owned digest: creating one costs more than hashing a short event. */
    public static String hex(MessageDigest md, byte[] bytes, int offset, int length) {
        md.reset();
        md.update(bytes, offset, length);
        return toHex(md.digest());
    }

    public static String hex(byte[] bytes) {
        return hex(bytes, 0, bytes.length);
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static String toHex(byte[] digest) {
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(out);
    }
}
