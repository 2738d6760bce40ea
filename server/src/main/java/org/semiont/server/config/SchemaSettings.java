package org.semiont.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How a start treats the database schema.
 *
 * @param sync       what the start does ({@code SEMIONT_SCHEMA_SYNC})
 * @param schemaFile an operator's schema extending the bundled one ({@code --schema}, {@code SEMIONT_SCHEMA}), if any
 * @param migrationsDir {@code SEMIONT_MIGRATIONS_DIR}, if set (see {@link #migrationsDir(Path)} for the default)
 */
public record SchemaSettings(Sync sync, Optional<Path> schemaFile, Optional<Path> migrationsDir) {
    public static final String SYNC_VARIABLE = "SEMIONT_SCHEMA_SYNC";
    public static final String SCHEMA_VARIABLE = "SEMIONT_SCHEMA";
    public static final String MIGRATIONS_VARIABLE = "SEMIONT_MIGRATIONS_DIR";

    /** Start-up modes. */
    public enum Sync {
        /** Create and alter what the schema declares, safely; leave everything else alone (the default). */
        PUSH,
        /** Change nothing; refuse to start when a declared object differs. */
        CHECK,
        /** Touch nothing, check nothing: the runtime role may be DML-only. */
        OFF,
        /** Apply the pending versioned migrations, then refuse to start when a declared object still differs. */
        MIGRATE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SchemaSettings(Sync sync, Optional<Path> schemaFile) {
        this(sync, schemaFile, Optional.empty());
    }

    public SchemaSettings {
        schemaFile = schemaFile.map(p -> p.toAbsolutePath().normalize());
        migrationsDir = migrationsDir.map(p -> p.toAbsolutePath().normalize());
        if (schemaFile.isPresent() && !Files.isRegularFile(schemaFile.get())) {
            throw new ConfigException("The schema file " + schemaFile.get() + " (--schema / " + SCHEMA_VARIABLE
                    + ") does not exist or is not a file.");
        }
    }

    public static SchemaSettings defaults() {
        return new SchemaSettings(Sync.PUSH, Optional.empty());
    }

    public static SchemaSettings from(Environment env, Path schemaFlag) {
        Sync sync = env.get(SYNC_VARIABLE).map(SchemaSettings::parseSync).orElse(Sync.PUSH);
        Optional<Path> schema = Optional.ofNullable(schemaFlag)
                .or(() -> env.get(SCHEMA_VARIABLE).filter(s -> !s.isBlank()).map(Path::of));
        Optional<Path> migrations = env.get(MIGRATIONS_VARIABLE).filter(s -> !s.isBlank()).map(Path::of);
        return new SchemaSettings(sync, schema, migrations);
    }

    /**
     * Where the versioned migrations live: {@code SEMIONT_MIGRATIONS_DIR}; else {@code migrations/} next to the schema
     * file (Prisma's layout: {@code prisma/schema.prisma} and {@code prisma/migrations/}); else {@code <data dir>/migrations}.
     */
    public Path migrationsDir(Path dataDir) {
        return defaultMigrationsDir(migrationsDir, schemaFile, dataDir);
    }

    public static Path defaultMigrationsDir(Optional<Path> explicit, Optional<Path> schemaFile, Path dataDir) {
        return explicit.or(() -> schemaFile.map(f -> f.toAbsolutePath().normalize().resolveSibling("migrations")))
                .orElseGet(() -> dataDir.resolve("migrations")).toAbsolutePath().normalize();
    }

    public static Sync parseSync(String value) {
        for (Sync s : Sync.values()) {
            if (s.label().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new ConfigException(SYNC_VARIABLE + " must be push, check, migrate or off, got \"" + value + "\".");
    }
}
