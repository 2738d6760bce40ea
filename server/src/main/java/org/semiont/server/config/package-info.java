/**
 * Configuration read once at start-up and validated ({@code ServerConfig}, database, pool, schema settings):
 * immutable records and their parsers. Imports no other server package but itself.
 */
package org.semiont.server.config;
