/**
 * Domain errors: {@code DomainException} with its kind (not found, conflict, invalid, unavailable) and a stable code,
 * thrown by services and the write path, mapped to HTTP only in {@code web.ErrorMapper} and to exit codes only in the
 * CLI. Imports nothing else of the server.
 */
package org.semiont.server.error;
