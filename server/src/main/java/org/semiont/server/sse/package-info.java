/**
 * Server-sent events of a document's stream. May import document, auth, config, web and logging.
 */
package org.semiont.server.sse;
