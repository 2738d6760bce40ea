/**
 * The data directory: its layout, its lock, and atomic file writes. Imports nothing else of the server.
 */
package org.semiont.server.datadir;
