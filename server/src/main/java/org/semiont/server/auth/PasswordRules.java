package org.semiont.server.auth;

import java.util.Optional;

/**
 * What a password must be (NIST SP 800-63B's advice: length, no composition rules): at least
 * {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}, not only spaces, and not the account's e-mail.
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    private PasswordRules() {
    }

    /** Why {@code password} cannot be used for the account {@code email}, if it cannot. */
    public static Optional<String> problem(char[] password, String email) {
        if (password == null) {
            return Optional.of("a password is required");
        }
        String p = new String(password);
        int length = p.codePointCount(0, p.length());
        if (length < MIN_LENGTH) {
            return Optional.of("the password must have at least " + MIN_LENGTH + " characters (it has " + length + ")");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("the password may have at most " + MAX_LENGTH + " characters");
        }
        if (p.isBlank()) {
            return Optional.of("the password must not be only spaces");
        }
        if (email != null && p.trim().equalsIgnoreCase(email.trim())) {
            return Optional.of("the password must not be the account's e-mail address");
        }
        return Optional.empty();
    }
}
