/**
 * Liveness and readiness routes and the database probe. May import store and logging.
 */
package org.semiont.server.health;
