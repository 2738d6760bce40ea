package org.semiont.events.chain;

import java.security.MessageDigest;
import java.util.List;
import java.util.function.Supplier;
import org.semiont.events.Defect;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.LineFacts;

/**
 * Checks one stream's lines in order: checksum of the event bytes, link to the previous checksum,
 * and gapless sequence numbers from 1. Pure: the caller feeds lines and collects defects.
 */
public final class ChainCheck {
    private final String streamId;
    private final List<Defect> defects;
    private final MessageDigest digest = Sha256.newDigest();
    private final byte[] hash = new byte[32];
    private long expectedSequence = 1;
    private String previousChecksum;

    public ChainCheck(String streamId, List<Defect> defects) {
        this.streamId = streamId;
        this.defects = defects;
    }

    public void accept(String file, long lineNo, EventLine line) {
        digest.update(line.bytes(), line.eventStart(), line.eventLength());
        String stored = line.checksum();
        boolean hashed = Sha256.matchesHex(digestInto(), stored);
        String prev = line.prevEventHash();
        boolean linked = previousChecksum == null || previousChecksum.equals(prev);
        check(file, lineNo, line.sequence(), hashed, stored, prev != null, linked, line::prevEventHash);
        previousChecksum = stored;
    }

    /**
     * The same checks for a line located without parsing ({@link LineFacts}): the stored checksum and link are
     * compared as the ASCII bytes they are, and strings are made only for the checksum kept for the next link and for
     * a defect's message.
     */
    public void accept(String file, long lineNo, LineFacts line) {
        accept(file, lineNo, line, hashes(line, digest, hash));
    }

    /**
     * The same checks for a line whose event bytes the caller has already found to hash to its stored checksum (a
     * worker hashing ahead, see {@link #hashes}): only the sequence and the link are left.
     */
    public void acceptHashed(String file, long lineNo, LineFacts line) {
        accept(file, lineNo, line, true);
    }

    private void accept(String file, long lineNo, LineFacts line, boolean hashed) {
        boolean linked = previousChecksum == null
                || line.hasPrev() && Sha256.sameAscii(previousChecksum, line.bytes(), line.prevAt(), line.prevLength());
        String stored = line.checksum();
        check(file, lineNo, line.sequence(), hashed, stored, line.hasPrev(), linked, line::prevEventHash);
        previousChecksum = stored;
    }

    /** Whether the line's event bytes hash to its stored checksum (for {@link #acceptHashed}); {@code md} is the caller's. */
    public static boolean hashes(LineFacts line, MessageDigest md, byte[] scratch) {
        md.update(line.bytes(), line.eventStart(), line.eventLength());
        try {
            md.digest(scratch, 0, 32);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
        }
        return line.checksumLength() == 64 && Sha256.matchesHex(scratch, line.bytes(), line.checksumAt());
    }

    private byte[] digestInto() {
        try {
            digest.digest(hash, 0, hash.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
        }
        return hash;
    }

    private void check(String file, long lineNo, long seq, boolean hashed, String stored, boolean hasPrev, boolean linked,
                       Supplier<String> prev) {
        if (!hashed) {
            add(file, lineNo, seq, Defect.Kind.CHECKSUM_MISMATCH,
                    "stored checksum " + stored + " but the event bytes hash to " + Sha256.toHex(hash));
        }
        if (seq != expectedSequence) {
            add(file, lineNo, seq, Defect.Kind.SEQUENCE_GAP, "sequence " + seq + " where " + expectedSequence
                    + " was expected");
        }
        checkLink(file, lineNo, seq, hasPrev, linked, prev);
        expectedSequence = seq + 1;
    }

    private void checkLink(String file, long lineNo, long seq, boolean hasPrev, boolean linked, Supplier<String> prev) {
        if (previousChecksum == null) {
            if (hasPrev && seq == 1) {
                add(file, lineNo, seq, Defect.Kind.BROKEN_LINK,
                        "the first event has prevEventHash " + prev.get() + " but should have none");
            }
            return;
        }
        if (!linked) {
            add(file, lineNo, seq, Defect.Kind.BROKEN_LINK,
                    "prevEventHash " + prev.get() + " does not match the previous checksum " + previousChecksum);
        }
    }

    /** A line that could not be parsed: the chain restarts after it so later lines are still checked. */
    public void malformed(String file, long lineNo, String why) {
        add(file, lineNo, 0, Defect.Kind.MALFORMED_LINE, why);
        expectedSequence++;
        previousChecksum = null;
    }

    public void torn(String file, long lineNo, int bytes) {
        add(file, lineNo, 0, Defect.Kind.TORN_TAIL, "the last line has no newline (" + bytes
                + " bytes of a write cut short); it is truncated when the log is next opened for writing");
    }

    private void add(String file, long lineNo, long seq, Defect.Kind kind, String detail) {
        defects.add(new Defect(streamId, file, lineNo, seq, kind, detail));
    }
}
