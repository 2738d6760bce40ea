/**
 * The composition root and nothing else: {@code ServerApp} wires configuration, the database, the event log, the
 * projections and the HTTP server, and owns their lifecycle; {@code ServerExtension} is how a program composed around
 * the server (the studio) adds its routes. May import every server package; none imports it.
 */
package org.semiont.server;
