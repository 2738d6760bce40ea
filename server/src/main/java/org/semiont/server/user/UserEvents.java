package org.semiont.server.user;

/** Event types of the {@code __users__} stream. */
public final class UserEvents {
    public static final String STREAM = "__users__";
    public static final String CREATED = "user.created";
    public static final String UPDATED = "user.updated";
    public static final String LOGGED_IN = "user.logged-in";
    public static final String TERMS_ACCEPTED = "user.terms-accepted";
    public static final String DELETED = "user.deleted";
    /** {userId, passwordHash}: the Argon2id hash (PHC string) of the user's new password. */
    public static final String PASSWORD_SET = "user.password-set";

    private UserEvents() {
    }
}
