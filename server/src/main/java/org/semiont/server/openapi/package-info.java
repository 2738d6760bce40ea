/**
 * Serves the bundled OpenAPI document. May import rest.
 */
package org.semiont.server.openapi;
