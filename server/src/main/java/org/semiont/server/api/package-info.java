/**
 * The knowledge-base API module: builds the standard projections ({@code StandardProjections}, which also names
 * the tables a rebuild refills), the services and their routes, and registers them. The wiring layer above the
 * domains: may import the domains, projection, write, auth, http, rest, sse, protocol, openapi and util; no domain
 * imports it.
 */
package org.semiont.server.api;
