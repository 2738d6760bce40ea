/**
 * Sign-in and sessions: JWT tokens, password hashing (Argon2id), throttling, the token and user-admin routes. May
 * import user, config, web, logging, write and util; no domain but user.
 */
package org.semiont.server.auth;
