package org.semiont.server.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only view of environment variables, injectable so tests never touch the real process
 * environment. Blank values count as unset.
 */
public final class Environment {
    public static final String DATA_DIR = "SEMIONT_DATA_DIR";
    private final Map<String, String> vars;

    public Environment(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    public Optional<String> get(String name) {
        String v = vars.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** {@code SEMIONT_DATA_DIR} or {@code ./data}, absolute. */
    public Path dataDir() {
        return Path.of(get(DATA_DIR).orElse("data")).toAbsolutePath().normalize();
    }
}
