/**
 * Documents: content storage, upload rules, the service, the repository over {@code documents}, the JSON files
 * under {@code projections/documents}, and the projection rules as one pure fold ({@code DocumentFold} over
 * immutable {@code DocumentRow}s) used by the live {@code DocumentProjection} and the bulk {@code DocumentBulk}.
 * Reads annotations only through {@code DocumentAnnotations}, which the annotation package implements. May import
 * entitytype, user, projection, write, datadir, util and the web packages; never annotation.
 */
package org.semiont.server.document;
