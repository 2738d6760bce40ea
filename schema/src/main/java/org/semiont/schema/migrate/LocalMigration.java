package org.semiont.schema.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One folder of a migrations directory: {@code <name>/migration.sql} and, when written by {@code migrate dev}, the
 * {@code down.sql} that undoes it.
 *
 * @param checksum SHA-256 of migration.sql's bytes, lower-case hex (what {@code _prisma_migrations.checksum} holds)
 */
public record LocalMigration(String name, String sql, Optional<String> down, String checksum) {
    public LocalMigration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(checksum, "checksum");
    }

    public static LocalMigration of(String name, byte[] sqlBytes, Optional<String> down) {
        return new LocalMigration(name, new String(sqlBytes, StandardCharsets.UTF_8), down, sha256(sqlBytes));
    }

    public static LocalMigration of(String name, String sql, Optional<String> down) {
        return of(name, sql.getBytes(StandardCharsets.UTF_8), down);
    }

    public SqlScript script() {
        return SqlScript.parse(sql);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
