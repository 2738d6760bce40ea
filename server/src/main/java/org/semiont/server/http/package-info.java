/**
 * The HTTP edge: Jetty/Javalin server, host and CORS checks, error mapping to JSON ({@code ErrorMapper}, {@code
 * ApiError}, {@code ApiException}), media ranges, streamed JSON. May import config, db and logging; never a
 * domain.
 */
package org.semiont.server.http;
