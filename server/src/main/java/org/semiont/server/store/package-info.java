/**
 * The application's database schema at start-up: the bundled schema, the team's schema file, the sync. May import
 * config.
 */
package org.semiont.server.store;
