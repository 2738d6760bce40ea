/**
 * Turtle rendering of annotations for the W3C protocol routes. Imports nothing else of the server.
 */
package org.semiont.server.protocol.turtle;
