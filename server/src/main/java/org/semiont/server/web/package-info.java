/**
 * The web edge, in one place: the Jetty/Javalin server ({@code HttpServer}, {@code HttpSettings}, host and CORS checks,
 * connection guard, security headers), request parsing ({@code Requests}, {@code JsonBodies}, unpaired surrogates,
 * media ranges), route registration with authentication ({@code SecuredRoutes}), streamed JSON, and the mapping of
 * every failure to the API's {@code {"error","code","details"?}} answer ({@code ErrorMapper} for domain and HTTP
 * failures, {@code EventLogErrors} for the event log's). {@code ApiException}/{@code ApiError} are the HTTP-level
 * refusals of request parsing; code below this edge throws {@code error.DomainException} instead. May import config,
 * db, error, logging and util; never a domain, projection or the route sets that use it.
 */
package org.semiont.server.web;
