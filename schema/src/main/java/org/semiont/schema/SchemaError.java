package org.semiont.schema;

/** Stable error codes of the schema module. Never reuse or renumber a retired code. */
public enum SchemaError {
    /** The PSL file does not parse or validate (CLI exit 2). */
    SCHEMA_INVALID,
    /** Data-loss warnings and no --accept-data-loss (CLI exit 3). */
    SCHEMA_DATA_LOSS,
    /** Steps that cannot run on the live data (CLI exit 4). */
    SCHEMA_UNEXECUTABLE,
    /** Could not connect, or the database answered with an error (CLI exit 1). */
    SCHEMA_DATABASE,
    /** Waited too long for a lock (advisory lock or lock_timeout) (CLI exit 1). */
    SCHEMA_LOCK_TIMEOUT,
    /** A statement was rejected while applying; nothing was applied (CLI exit 1). */
    SCHEMA_APPLY_FAILED,
    /** Reading or writing the schema file failed (CLI exit 1). */
    SCHEMA_IO,
    /** A migrations directory or a migration name that cannot be used (CLI exit 2). */
    MIGRATION_INVALID,
    /** An applied migration's migration.sql changed since it was applied (CLI exit 5). */
    MIGRATION_MODIFIED,
    /** A migration failed now or earlier and is not resolved (CLI exit 1). */
    MIGRATION_FAILED,
    /** The history or the database is not in the state the verb needs (CLI exit 5). */
    MIGRATION_STATE
}
