package org.semiont.cli.projections;

import java.nio.file.Path;
import java.time.Clock;
import org.semiont.server.auth.AuthSettings;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.auth.JwtSecrets;
import org.semiont.server.config.Environment;

/** The CLI's signer for service tokens to a running server, from the data dir's secret (or JWT_SECRET). */
final class ServiceTokens {
    private ServiceTokens() {
    }

    static JwtCodec of(Path dataDir) {
        Environment env = Environment.system();
        return new JwtCodec(JwtSecrets.resolve(env.get("JWT_SECRET"), dataDir, true).orElseThrow(), AuthSettings.issuer(env),
                Clock.systemUTC());
    }
}
