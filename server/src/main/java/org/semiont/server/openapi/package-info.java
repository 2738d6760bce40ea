/**
 * Serves the bundled OpenAPI document. May import web.
 */
package org.semiont.server.openapi;
