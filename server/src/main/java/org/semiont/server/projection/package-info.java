/**
 * The projection engine; it knows no domain. The projector thread (feed from the event log, batching, retries, the
 * compare-and-set checkpoint, the advisory lock), poison-event handling and operator skips, and maintenance:
 * rebuild (bulk: one pass over the log into each projection's {@code BulkFolder}, then COPY; or replay), check and
 * probe. Domains plug in through {@code Projection} (live rules, tables, bulk folder); {@code Fold} and {@code
 * RowHistory} answer "this row as it was after event N". May import db, util and the events module; a test fails
 * if it imports a domain or the web layer.
 */
package org.semiont.server.projection;
