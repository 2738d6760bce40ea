package org.semiont.ops.restore;

import java.time.Instant;

/** How far a restore goes: the whole backup, up to a global position, or up to a moment (inclusive). */
public sealed interface RestorePoint permits RestorePoint.Latest, RestorePoint.Position, RestorePoint.Time {
    /** Whether the event at this position with this timestamp is after the point. */
    boolean isAfter(long position, Instant timestamp);

    /** Everything in the backup. */
    record Latest() implements RestorePoint {
        public boolean isAfter(long position, Instant timestamp) {
            return false;
        }

        @Override
        public String toString() {
            return "the end of the backup";
        }
    }

    /** Every event up to and including this global position. */
    record Position(long position) implements RestorePoint {
        public Position {
            if (position < 0) {
                throw new IllegalArgumentException("a position is 0 or more, got " + position);
            }
        }

        public boolean isAfter(long p, Instant timestamp) {
            return p > position;
        }

        @Override
        public String toString() {
            return "position " + position;
        }
    }

    /** Every event up to the first one stamped after this moment. */
    record Time(Instant time) implements RestorePoint {
        public boolean isAfter(long p, Instant timestamp) {
            return timestamp.isAfter(time);
        }

        @Override
        public String toString() {
            return time.toString();
        }
    }
}
