package org.semiont.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.semiont.server.config.Redaction;

/**
 * One JSON object per line: {@code ts, level, logger, thread, msg, mdc?, error?}. Messages pass
 * through {@link Redaction} so a secret that slipped into a log call still never reaches the file.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] EMPTY = new byte[0];

    @Override
    public byte[] headerBytes() {
        return EMPTY;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ObjectNode o = JSON.createObjectNode();
        o.put("ts", LogTimestamps.format(Instant.ofEpochMilli(event.getTimeStamp())));
        o.put("level", event.getLevel().toString());
        o.put("logger", event.getLoggerName());
        o.put("thread", event.getThreadName());
        o.put("msg", Redaction.redact(event.getFormattedMessage()));
        if (event.getMDCPropertyMap() != null && !event.getMDCPropertyMap().isEmpty()) {
            ObjectNode mdc = o.putObject("mdc");
            event.getMDCPropertyMap().forEach(mdc::put);
        }
        if (event.getThrowableProxy() != null) {
            o.put("error", Redaction.redact(render(event.getThrowableProxy())));
        }
        try {
            return (JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            return ("{\"level\":\"ERROR\",\"msg\":\"unencodable log event\"}\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String render(IThrowableProxy t) {
        StringBuilder sb = new StringBuilder();
        for (IThrowableProxy cur = t; cur != null; cur = cur.getCause()) {
            if (cur != t) {
                sb.append("\nCaused by: ");
            }
            sb.append(cur.getClassName()).append(": ").append(cur.getMessage());
            StackTraceElementProxy[] frames = cur.getStackTraceElementProxyArray();
            for (int i = 0; i < Math.min(frames.length, 30); i++) {
                sb.append("\n\tat ").append(frames[i].getStackTraceElement());
            }
        }
        return sb.toString();
    }

    @Override
    public byte[] footerBytes() {
        return EMPTY;
    }
}
