package org.semiont.server.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** One line of the JSON log, parsed leniently: a line that is not JSON is kept as plain text. */
public record LogLine(String raw, Optional<Instant> timestamp, String level, String logger, String message, String error) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static LogLine parse(String raw) {
        try {
            JsonNode n = JSON.readTree(raw);
            if (n == null || !n.isObject()) {
                return plain(raw);
            }
            return new LogLine(raw, instant(n.path("ts").asText()), n.path("level").asText("INFO"),
                    n.path("logger").asText(""), n.path("msg").asText(""), n.path("error").asText(null));
        } catch (IOException e) {
            return plain(raw);
        }
    }

    private static LogLine plain(String raw) {
        return new LogLine(raw, Optional.empty(), "INFO", "", raw, null);
    }

    private static Optional<Instant> instant(String ts) {
        try {
            return Optional.of(Instant.parse(ts));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code 2026-11-25T12:00:00.000Z INFO  logger - message}, for people. */
    public String human() {
        String shortLogger = logger.contains(".") ? logger.substring(logger.lastIndexOf('.') + 1) : logger;
        String head = timestamp.map(LogTimestamps::format).orElse("") + " " + String.format("%-5s", level) + " "
                + shortLogger + " - " + message;
        return error == null ? head : head + "\n" + error;
    }
}
