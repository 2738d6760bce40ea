package org.semiont.server.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Things to close in reverse order of opening; a failure to close one does not stop the rest. */
public final class Resources {
    private static final Logger log = LoggerFactory.getLogger(Resources.class);
    private final Deque<AutoCloseable> stack = new ArrayDeque<>();

    public synchronized <T extends AutoCloseable> T add(T resource) {
        stack.push(resource);
        return resource;
    }

    public synchronized void closeAll() {
        while (!stack.isEmpty()) {
            AutoCloseable r = stack.pop();
            try {
                r.close();
            } catch (Exception e) {
                log.warn("Closing {} failed: {}", r, e.getMessage());
            }
        }
    }
}
