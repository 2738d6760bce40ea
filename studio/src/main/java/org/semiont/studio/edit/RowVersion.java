package org.semiont.studio.edit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.semiont.studio.browse.RowData;

/**
 * A row's version for optimistic concurrency: a hash of all its values as read. An edit form carries the version it
 * was drawn from; if the row reads differently when the edit is applied, someone changed it meanwhile.
 */
public final class RowVersion {
    private RowVersion() {
    }

    public static String of(RowData row) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String v : row.values()) {
                if (v == null) {
                    md.update((byte) 0);
                } else {
                    md.update((byte) 1);
                    byte[] b = v.getBytes(StandardCharsets.UTF_8);
                    md.update(java.nio.ByteBuffer.allocate(4).putInt(b.length).array());
                    md.update(b);
                }
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
