package org.semiont.events.commit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.semiont.events.EventsError;
import org.semiont.events.EventsException;

/** Waits for a commit and rethrows its failure as the log's own exception. */
final class Waits {
    private Waits() {
    }

    static <T> T join(CompletableFuture<T> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException | CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof EventsException ee) {
                throw ee;
            }
            throw new EventsException(EventsError.LOG_FAILED, "commit failed: " + c, c);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
