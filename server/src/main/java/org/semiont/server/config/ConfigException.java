package org.semiont.server.config;

/** Invalid configuration; the message says which setting and how to fix it, never a secret. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
