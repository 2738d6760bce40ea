package org.semiont.server.api;

import javax.sql.DataSource;
import org.semiont.events.EventLog;
import org.semiont.server.annotation.AnnotationService;
import org.semiont.server.auth.PasswordCheck;
import org.semiont.server.document.DocumentService;
import org.semiont.server.user.UserDirectory;
import org.semiont.server.user.UserService;

/**
 * The domain as the API uses it, for programs composed around the server (the studio): its edits go through these
 * services, so each becomes the same event an API call would append.
 */
public record DomainServices(DataSource pool, EventLog events, UserService users, UserDirectory directory,
                             DocumentService documents, AnnotationService annotations, PasswordCheck passwords) {
}
