package org.semiont.events.commit;

import java.util.List;
import java.util.function.Consumer;
import org.semiont.events.CommitObserver;
import org.semiont.events.StoredEvent;

/**
 * What the committer hands each batch to, on the committing thread and in position order: {@code written} once the
 * batch is in the global log but before its fsync, {@code committed} once it is durable and readable; {@code observer}
 * gets the batch's counts and fsync time.
 */
public record CommitHooks(Consumer<List<StoredEvent>> written, Consumer<List<StoredEvent>> committed,
                          CommitObserver observer) {
}
