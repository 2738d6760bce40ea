package org.semiont.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.config.ConfigException;

class JwtSecretsTest {
    @TempDir
    Path dataDir;

    @Test
    void a_generated_secret_is_long_private_and_kept() throws Exception {
        String secret = JwtSecrets.resolve(Optional.empty(), dataDir, true).orElseThrow();
        assertThat(secret.length()).isGreaterThanOrEqualTo(JwtSecrets.MIN_LENGTH);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(JwtSecrets.file(dataDir)))).isEqualTo("rw-------");
        assertThat(JwtSecrets.resolve(Optional.empty(), dataDir, true)).contains(secret);
    }

    @Test
    void a_short_or_empty_secret_in_the_file_is_refused_not_signed_with() throws Exception {
        Files.createDirectories(JwtSecrets.file(dataDir).getParent());
        for (String weak : new String[] {"", "short\n", "x".repeat(31)}) {
            Files.writeString(JwtSecrets.file(dataDir), weak);
            assertThatThrownBy(() -> JwtSecrets.resolve(Optional.empty(), dataDir, true)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(JwtSecrets.file(dataDir).toString()).hasMessageContaining("at least 32")
                    .hasMessageContaining("Delete the file");
        }
        Files.writeString(JwtSecrets.file(dataDir), "y".repeat(32) + "\n");
        assertThat(JwtSecrets.resolve(Optional.empty(), dataDir, true)).contains("y".repeat(32));
    }

    @Test
    void the_environment_wins_and_must_be_long_enough() {
        assertThat(JwtSecrets.resolve(Optional.of("z".repeat(40)), dataDir, true)).contains("z".repeat(40));
        assertThatThrownBy(() -> JwtSecrets.resolve(Optional.of("short"), dataDir, true)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("JWT_SECRET");
        assertThat(Files.exists(JwtSecrets.file(dataDir))).isFalse();
    }
}
