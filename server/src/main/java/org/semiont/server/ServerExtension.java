package org.semiont.server;

import io.javalin.config.RoutesConfig;

/**
 * Routes a program adds to the server it starts (the studio at {@code /studio/}). Extensions are composed by the
 * caller of {@link ServerApp#start(org.semiont.server.config.ServerConfig, org.semiont.server.config.Environment, java.util.List)},
 * so the server depends on none of them. {@code register} runs once, after the API is ready and before the port opens.
 */
@FunctionalInterface
public interface ServerExtension {
    void register(RoutesConfig routes, ServerApp app);
}
