/**
 * The knowledge-base API composed: builds the standard projections ({@code StandardProjections}, which also names the
 * tables a rebuild refills), the domain services ({@code DomainServices}) and the route sets of every domain, and
 * registers them through {@code web.SecuredRoutes}; it also holds the two route sets that belong to no domain
 * ({@code /api/status}, {@code /api/admin/projections}). No request parsing or error mapping lives here (that is
 * {@code web}). The wiring layer above the domains: may import the domains, projection, write, auth, web, sse,
 * protocol, openapi, logging and util; no domain imports it.
 */
package org.semiont.server.api;
