package org.semiont.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.semiont.server.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HS256 signing secret: {@code JWT_SECRET} when set (at least 32 characters), otherwise a random secret
 * generated once into {@code <data-dir>/secrets/jwt-secret} (mode 0600) and reused by the server and the CLI.
 */
public final class JwtSecrets {
    private static final Logger log = LoggerFactory.getLogger(JwtSecrets.class);
    public static final int MIN_LENGTH = 32;
    public static final String FILE_NAME = "jwt-secret";

    private JwtSecrets() {
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve("secrets").resolve(FILE_NAME);
    }

    /** The configured secret, or the data dir's one (created if {@code create} and missing). */
    public static Optional<String> resolve(Optional<String> fromEnv, Path dataDir, boolean create) {
        if (fromEnv.isPresent()) {
            String s = fromEnv.get();
            if (s.length() < MIN_LENGTH) {
                throw new ConfigException("JWT_SECRET must be at least " + MIN_LENGTH + " characters, got " + s.length()
                        + ". Generate one with: openssl rand -base64 48");
            }
            return Optional.of(s);
        }
        Path file = file(dataDir);
        try {
            if (!Files.exists(file)) {
                if (!create) {
                    return Optional.empty();
                }
                generate(file);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.length() < MIN_LENGTH) {
                // a short or empty secret makes every token forgeable: never sign with it
                throw new ConfigException("The JWT secret in " + file + " has " + secret.length() + " characters; at least "
                        + MIN_LENGTH + " are needed. Delete the file to have a new one generated (tokens signed with the "
                        + "old one stop working), or set JWT_SECRET.");
            }
            warnIfOthersCanRead(file);
            return Optional.of(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT secret " + file + ": " + e.getMessage(), e);
        }
    }

    private static void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                log.warn("The JWT secret {} can be read by other users ({}): anyone who reads it can sign in as anyone. "
                        + "Run: chmod 600 {}", file, PosixFilePermissions.toString(p), file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no POSIX permissions to check here
        }
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] raw = new byte[48];
        new SecureRandom().nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Path tmp = file.resolveSibling("." + FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
        }
    }
}
