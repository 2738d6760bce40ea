/**
 * Operations on a Semiont data dir: {@code backup} (create, list, verify, prune) and {@code restore}. They read and
 * write the event log only through {@link org.semiont.events.EventLog} by global position, never its files, so they
 * keep working when the log lives elsewhere.
 */
package org.semiont.ops;
