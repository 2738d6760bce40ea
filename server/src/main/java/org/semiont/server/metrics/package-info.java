/**
 * Micrometer/Prometheus metrics: HTTP, event log, projector, PostgreSQL and backup gauges, and the {@code
 * /metrics} route. May import config, web and projection.
 */
package org.semiont.server.metrics;
