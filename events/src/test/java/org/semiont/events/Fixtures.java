package org.semiont.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

final class Fixtures {
    private Fixtures() {
    }

    static EventLogOptions options() {
        return EventLogOptions.defaults()
                .withClock(Clock.fixed(Instant.parse("2026-11-25T12:43:49.985Z"), ZoneOffset.UTC));
    }

    static EventLog open(Path dir) {
        return EventLog.open(dir, options());
    }

    static NewEvent event(String type, String doc, String text) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("text", text);
        return NewEvent.of(type, doc, "cmadmin0000000000000000001", payload);
    }
}
