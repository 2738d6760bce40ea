/**
 * Start-up and shutdown helpers of the composition root: {@code Resources} (things closed in reverse order of
 * opening), {@code PhaseTimer} (which part of a start was slow) and {@code ClassWarmup} (class loading off the
 * critical path while PostgreSQL starts). May import store and util; nothing imports it but the root.
 */
package org.semiont.server.lifecycle;
