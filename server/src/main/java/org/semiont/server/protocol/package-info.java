/**
 * The W3C Web Annotation Protocol: annotation containers, LDP headers, ETags, Prefer, content negotiation ({@code
 * protocol.turtle} renders Turtle). May import annotation, document, auth, web and logging.
 */
package org.semiont.server.protocol;
