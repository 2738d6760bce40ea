/**
 * Entity types: the service, its routes, and the rule that makes an {@code entity_types} row ({@code
 * EntityTypeFold}), used by the live {@code EntityTypeProjection} (which also writes {@code entity-types.json})
 * and the bulk {@code EntityTypeBulk}. May import projection, write, datadir, util and the web packages.
 */
package org.semiont.server.entitytype;
