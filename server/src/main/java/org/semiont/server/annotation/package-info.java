/**
 * Annotations: the W3C-shaped JSON ({@code AnnotationShapes}), validation, the service that appends annotation
 * events, the repository that reads {@code annotations}, and the projection rules as one pure fold ({@code
 * AnnotationFold} over immutable {@code AnnotationRow}s) used by the live {@code AnnotationProjection} and the
 * bulk {@code AnnotationBulk}. Implements {@code document.DocumentAnnotations}. May import document, user,
 * projection (the engine), write, util and auth, web and logging; never api or protocol.
 */
package org.semiont.server.annotation;
