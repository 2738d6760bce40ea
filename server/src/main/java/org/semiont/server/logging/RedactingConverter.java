package org.semiont.server.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.semiont.server.config.Redaction;

/** {@code %redactedMsg}: the formatted message with secrets masked, for the console. */
public final class RedactingConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Redaction.redact(event.getFormattedMessage());
    }
}
