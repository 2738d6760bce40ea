/**
 * Request parsing for the JSON API: bodies, parameters, unpaired surrogates, and {@code SecuredRoutes} (route
 * registration with authentication). May import http and util; never a domain.
 */
package org.semiont.server.rest;
