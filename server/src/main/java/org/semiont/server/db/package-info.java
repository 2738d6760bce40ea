/**
 * The PostgreSQL runtime: embedded or external server, connection pools, outage detection. May import config and
 * datadir.
 */
package org.semiont.server.db;
