package org.semiont.schema.diff;

/**
 * The dependency order of steps: a migration is sorted once by phase (stable within a phase).
 * Foreign keys and indexes go first so tables and columns can be dropped or recreated; dropped
 * columns go before enum changes so an enum recreation only converts surviving columns.
 */
public enum Phase {
    CREATE_NAMESPACE, CREATE_ENUM, DROP_FOREIGN_KEY, DROP_INDEX, DROP_PRIMARY_KEY, DROP_TABLE, DROP_COLUMN,
    ALTER_ENUM, ADD_COLUMN, ALTER_COLUMN, ADD_PRIMARY_KEY, RENAME_CONSTRAINT, DROP_ENUM, CREATE_TABLE,
    CREATE_INDEX, ADD_FOREIGN_KEY
}
