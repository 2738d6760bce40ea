/**
 * Domain errors: {@code DomainException} with its kind (not found, conflict, invalid, unavailable, unauthenticated,
 * denied, stale, version required, throttled, unsupported, unacceptable, too large, corrupted) and a stable code,
 * thrown by services, the write path and the route sets, mapped to HTTP only in {@code web.ErrorMapper} and to exit
 * codes only in the CLI's {@code DomainExits}. Imports nothing else of the server.
 */
package org.semiont.server.error;
