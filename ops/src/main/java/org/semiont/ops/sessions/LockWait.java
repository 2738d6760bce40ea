package org.semiont.ops.sessions;

import java.util.Optional;

/** A lock a session waits for: {@code RowExclusiveLock on relation public.documents}, {@code ShareLock on transactionid}. */
public record LockWait(int pid, String lockType, String mode, Optional<String> relation) {
    public String describe() {
        return mode + " on " + relation.map(r -> "table " + r).orElse(lockType);
    }
}
