package org.semiont.ops.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.BitSet;
import org.semiont.events.chain.ChainCheck;
import org.semiont.events.chain.Sha256;
import org.semiont.events.jsonl.LineFacts;
import org.semiont.events.jsonl.LineWindow;
import org.semiont.ops.target.BackupTarget;

/**
 * A log chunk read whole, with its SHA-256 and the records (by number, from 1) whose event bytes hash to their stored
 * checksum: the work a verifier can do for every chunk at once, on its own thread, before the chains are replayed in
 * position order. {@code missing} and {@code failure} say why there are no bytes.
 */
record LoadedChunk(Manifest.LogChunk chunk, byte[] bytes, String sha256, BitSet hashed, boolean missing, String failure) {

    static LoadedChunk load(BackupTarget target, Manifest.LogChunk c) {
        byte[] bytes;
        try (InputStream in = target.open(c.key())) {
            bytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            return new LoadedChunk(c, null, null, null, true, null);
        } catch (IOException e) {
            return new LoadedChunk(c, null, null, null, false, e.getMessage());
        }
        MessageDigest md = Sha256.newDigest();
        md.update(bytes);
        return new LoadedChunk(c, bytes, Sha256.toHex(md.digest()), hashedRecords(bytes, md), false, null);
    }

    /** The records whose line is on the quick path and whose event bytes hash to the checksum it stores. */
    private static BitSet hashedRecords(byte[] b, MessageDigest md) {
        BitSet hashed = new BitSet();
        LineFacts facts = new LineFacts();
        byte[] scratch = new byte[32];
        int record = 0;
        for (int at = 0; at < b.length; ) {
            int nl = LineWindow.indexOfNewline(b, at, b.length);
            int end = nl < 0 ? b.length : nl;
            record++;
            int lineStart = afterSecondTab(b, at, end);
            if (nl >= 0 && lineStart >= 0 && facts.locate(b, lineStart, end) && ChainCheck.hashes(facts, md, scratch)) {
                hashed.set(record);
            }
            at = end + 1;
        }
        return hashed;
    }

    private static int afterSecondTab(byte[] b, int from, int to) {
        int tabs = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\t' && ++tabs == 2) {
                return i + 1;
            }
        }
        return -1;
    }

    boolean readable() {
        return bytes != null;
    }
}
