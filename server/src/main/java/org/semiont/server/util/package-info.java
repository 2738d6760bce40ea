/**
 * Small shared helpers with no server dependency: JSON mapper and string checks ({@code Json}, {@code
 * JsonStrings}, {@code NulChars}), JDBC conversions ({@code Sql}), IRIs, the build's version. Imports nothing else
 * of the server.
 */
package org.semiont.server.util;
