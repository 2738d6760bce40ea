package org.semiont.events.chain;

import java.security.MessageDigest;
import java.util.List;
import org.semiont.events.Defect;
import org.semiont.events.jsonl.EventLine;

/**
 * Checks one stream's lines in order: checksum of the event bytes, link to the previous checksum,
 * and gapless sequence numbers from 1. Pure: the caller feeds lines and collects defects.
 */
public final class ChainCheck {
    private final String streamId;
    private final List<Defect> defects;
    private final MessageDigest digest = Sha256.newDigest();
    private long expectedSequence = 1;
    private String previousChecksum;

    public ChainCheck(String streamId, List<Defect> defects) {
        this.streamId = streamId;
        this.defects = defects;
    }

    public void accept(String file, long lineNo, EventLine line) {
        long seq = line.sequence();
        String actual = Sha256.hex(digest, line.bytes(), line.eventStart(), line.eventLength());
        if (!actual.equals(line.checksum())) {
            add(file, lineNo, seq, Defect.Kind.CHECKSUM_MISMATCH,
                    "stored checksum " + line.checksum() + " but the event bytes hash to " + actual);
        }
        if (seq != expectedSequence) {
            add(file, lineNo, seq, Defect.Kind.SEQUENCE_GAP, "sequence " + seq + " where " + expectedSequence
                    + " was expected");
        }
        checkLink(file, lineNo, line);
        expectedSequence = seq + 1;
        previousChecksum = line.checksum();
    }

    private void checkLink(String file, long lineNo, EventLine line) {
        String prev = line.prevEventHash();
        if (previousChecksum == null) {
            if (prev != null && line.sequence() == 1) {
                add(file, lineNo, line.sequence(), Defect.Kind.BROKEN_LINK,
                        "the first event has prevEventHash " + prev + " but should have none");
            }
            return;
        }
        if (!previousChecksum.equals(prev)) {
            add(file, lineNo, line.sequence(), Defect.Kind.BROKEN_LINK,
                    "prevEventHash " + prev + " does not match the previous checksum " + previousChecksum);
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
