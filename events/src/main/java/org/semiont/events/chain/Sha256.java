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

    /** Whether {@code hex} is exactly the lowercase hex of {@code digest}. */
    public static boolean matchesHex(byte[] digest, String hex) {
        if (hex == null || hex.length() != digest.length * 2) {
            return false;
        }
        for (int i = 0; i < digest.length; i++) {
            if (hex.charAt(2 * i) != HEX[(digest[i] >> 4) & 0xf] || hex.charAt(2 * i + 1) != HEX[digest[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the {@code digest.length * 2} bytes at {@code at} are the lowercase hex of {@code digest}. */
    public static boolean matchesHex(byte[] digest, byte[] b, int at) {
        for (int i = 0; i < digest.length; i++) {
            if (b[at + 2 * i] != HEX[(digest[i] >> 4) & 0xf] || b[at + 2 * i + 1] != HEX[digest[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the ASCII bytes {@code b[at, at + length)} spell exactly {@code s}. */
    public static boolean sameAscii(String s, byte[] b, int at, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != b[at + i]) {
                return false;
            }
        }
        return true;
    }
}
