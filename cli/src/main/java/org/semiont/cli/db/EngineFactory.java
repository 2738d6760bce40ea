package org.semiont.cli.db;

import org.semiont.schema.EngineOptions;
import org.semiont.schema.SchemaDatabase;
import org.semiont.schema.SchemaEngine;

/** The composition root of the db verbs: one engine per command, default options. */
final class EngineFactory {
    private EngineFactory() {
    }

    static SchemaEngine engine(SchemaDatabase db) {
        return new SchemaEngine(db, EngineOptions.defaults());
    }
}
