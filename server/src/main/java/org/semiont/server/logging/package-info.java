/**
 * Logback set-up, the JSON line encoder, redaction, throttled warnings and the log reader behind the logs API. May
 * import config.
 */
package org.semiont.server.logging;
