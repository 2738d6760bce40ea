/**
 * The data directory: its layout, its lock, atomic file writes, and {@code run/server-url} ({@code ServerAddress},
 * where the running server listens, read by the CLI). Imports nothing else of the server.
 */
package org.semiont.server.datadir;
