/**
 * The write path: {@code EventWriter} appends to the event log first (durable), then waits until the projector has
 * applied the events, so the caller's next read sees them. May import projection and error.
 */
package org.semiont.server.write;
