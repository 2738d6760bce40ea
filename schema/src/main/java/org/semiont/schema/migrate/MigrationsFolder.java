package org.semiont.schema.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.semiont.schema.SchemaError;
import org.semiont.schema.SchemaException;

/**
 * A migrations directory in Prisma Migrate's layout: {@code migration_lock.toml} (provider) and one folder per
 * migration, {@code <name>/migration.sql}, applied in the byte order of the folder names. Folders without a
 * migration.sql are skipped, as Prisma does. Reads and writes files; nothing else.
 */
public final class MigrationsFolder {
    public static final String LOCK_FILE = "migration_lock.toml";
    public static final String MIGRATION_FILE = "migration.sql";
    public static final String DOWN_FILE = "down.sql";
    private static final Pattern PROVIDER = Pattern.compile("(?m)^\\s*provider\\s*=\\s*\"([^\"]*)\"");
    private final Path dir;

    public MigrationsFolder(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /** The migrations in order; a missing directory has none. */
    public List<LocalMigration> read() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        checkProvider();
        List<LocalMigration> out = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                Path sql = folder.resolve(MIGRATION_FILE);
                if (Files.isRegularFile(sql)) {
                    Path down = folder.resolve(DOWN_FILE);
                    Optional<String> downText = Files.isRegularFile(down)
                            ? Optional.of(Files.readString(down, StandardCharsets.UTF_8)) : Optional.empty();
                    out.add(LocalMigration.of(folder.getFileName().toString(), Files.readAllBytes(sql), downText));
                }
            }
        } catch (IOException e) {
            throw new SchemaException(SchemaError.SCHEMA_IO, "Cannot read the migrations directory " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Writes {@code <name>/migration.sql} (and down.sql), creating the directory and its lock file when missing. */
    public LocalMigration write(String name, String up, String down) {
        Path folder = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve(LOCK_FILE))) {
                Files.writeString(dir.resolve(LOCK_FILE), "# Written by semiont; keep it under version control with the migrations.\n"
                        + "provider = \"postgresql\"\n", StandardCharsets.UTF_8);
            }
            if (Files.exists(folder)) {
                throw new SchemaException(SchemaError.MIGRATION_INVALID, "The migration folder " + folder
                        + " exists already. Choose another name.");
            }
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(MIGRATION_FILE), up, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(DOWN_FILE), down, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SchemaException(SchemaError.SCHEMA_IO, "Cannot write the migration " + folder + ": " + e.getMessage(), e);
        }
        return LocalMigration.of(name, up, Optional.of(down));
    }

    private void checkProvider() {
        Path lock = dir.resolve(LOCK_FILE);
        if (!Files.isRegularFile(lock)) {
            return;
        }
        try {
            Matcher m = PROVIDER.matcher(Files.readString(lock, StandardCharsets.UTF_8));
            if (m.find() && !m.group(1).equals("postgresql")) {
                throw new SchemaException(SchemaError.MIGRATION_INVALID, "The migrations in " + dir + " were made for provider \""
                        + m.group(1) + "\" (" + LOCK_FILE + "); only \"postgresql\" migrations can run here.");
            }
        } catch (IOException e) {
            throw new SchemaException(SchemaError.SCHEMA_IO, "Cannot read " + lock + ": " + e.getMessage(), e);
        }
    }
}
