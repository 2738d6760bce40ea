/**
 * Users: the directory over {@code users}, the ledger, the service, edit policy, and the rules as one pure fold
 * ({@code UserFold} over immutable {@code UserState}s; {@code UserTable} adds the table's unique keys in memory)
 * used by the live {@code UserProjection} and the bulk {@code UserBulk}. May import projection, write, error and
 * util.
 */
package org.semiont.server.user;
