package org.semiont.cli.common;

import org.semiont.server.config.Redaction;

/** Masks passwords in text shown to users. */
public final class Secrets {
    private Secrets() {
    }

    public static String mask(String text) {
        return Redaction.redact(text);
    }
}
