package org.semiont.server.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.semiont.server.testing.TestFiles;

/**
 * One real server for a whole test class, on a fresh data dir, with alice (a plain user) signed in:
 * {@code @RegisterExtension static final ServerExtension SERVER = new ServerExtension(Map.of(…))}.
 */
final class ServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> env;
    private Path dataDir;
    private ApiServer server;
    private ApiClient alice;

    ServerExtension(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("semiont-it");
        server = ApiServer.start(dataDir, env);
        alice = server.user("alice@example.org", false, false);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
        TestFiles.deleteTree(dataDir);
    }

    ApiServer server() {
        return server;
    }

    ApiClient alice() {
        return alice;
    }
}
