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
    SCHEMA_IO
}
