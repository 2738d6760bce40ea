/**
 * The composition root: {@code ServerApp} wires configuration, the database, the event log, the projections and
 * the HTTP server, and owns their lifecycle; {@code ClassWarmup}, {@code PhaseTimer} and {@code Resources} serve
 * that start-up only. Nothing else lives here. May import every server package; none imports it.
 */
package org.semiont.server;
