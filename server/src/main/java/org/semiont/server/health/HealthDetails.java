package org.semiont.server.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sections that features running in the server add to the {@code /api/health} body (e.g. continuous archiving adds its
 * lag). A section is read on every health request, so it must answer from memory: never wait on a disk, the network or
 * a lock held for long. A section that throws is left out of that answer and logged.
 */
public final class HealthDetails {
    private static final Logger LOG = LoggerFactory.getLogger(HealthDetails.class);
    private final Map<String, Supplier<Object>> sections = new ConcurrentHashMap<>();

    /** Adds (or replaces) the section {@code name}; its value is serialised as JSON. Returns a handle that removes it. */
    public AutoCloseable register(String name, Supplier<Object> section) {
        sections.put(name, section);
        return () -> sections.remove(name, section);
    }

    /** Every section's current value, by name in sorted order. */
    Map<String, Object> read() {
        Map<String, Object> out = new LinkedHashMap<>();
        sections.keySet().stream().sorted().forEach(name -> {
            try {
                out.put(name, sections.get(name).get());
            } catch (RuntimeException e) {
                LOG.warn("Health section '{}' failed and was left out: {}", name, e.toString());
            }
        });
        return out;
    }
}
