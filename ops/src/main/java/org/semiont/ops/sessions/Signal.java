package org.semiont.ops.sessions;

/** What is sent to a session: cancel its running statement, or end the session (rolling back its transaction). */
public enum Signal {
    CANCEL("pg_cancel_backend", "cancelled"),
    TERMINATE("pg_terminate_backend", "terminated");

    final String function;
    private final String pastTense;

    Signal(String function, String pastTense) {
        this.function = function;
        this.pastTense = pastTense;
    }

    public String pastTense() {
        return pastTense;
    }
}
