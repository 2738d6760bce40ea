package org.semiont.events.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.semiont.events.chain.Sha256;

class LineCodecTest {
    private final LineCodec codec = new LineCodec();
    private final ObjectMapper mapper = new ObjectMapper();

    private ObjectNode event(String text) {
        ObjectNode e = mapper.createObjectNode().put("type", "x");
        e.putObject("payload").put("text", text).putObject("metadata").put("sequenceNumber", 99);
        return e.put("id", "i").put("timestamp", "2026-11-25T12:43:49.985Z");
    }

    @Property(tries = 300)
    void anyEncodedLineParsesBackToItsEventBytesAndMetadata(@ForAll String text) throws Exception {
        EventLine written = codec.encode(event(text), 7, "2026-11-25T12:43:49.985Z", "ab".repeat(32));
        EventLine read = codec.parse(written.bytes());
        assertThat(read.sequence()).isEqualTo(7);
        assertThat(read.prevEventHash()).isEqualTo("ab".repeat(32));
        assertThat(read.eventJson()).isEqualTo(JsJson.toJson(event(text)));
        assertThat(read.checksum()).isEqualTo(Sha256.hex(read.eventJson().getBytes(StandardCharsets.UTF_8)));
        assertThat(mapper.readTree(written.bytes()).get("event")).isEqualTo(event(text));
    }

    @Property(tries = 300)
    void theFastHeaderScanAgreesWithAFullParse(@ForAll String type, @ForAll String user, @ForAll String text)
            throws Exception {
        ObjectNode e = mapper.createObjectNode().put("type", type).put("documentId", "doc-1").put("userId", user)
                .put("version", 1);
        e.putObject("payload").put("text", text).put("type", "nested").putArray("a").add(1).add("]}");
        e.put("id", "i-" + text.length()).put("timestamp", "2026-11-25T12:43:49.985Z");
        EventHeader h = codec.header(codec.parse(codec.encode(e, 1, "t", null).bytes()));
        assertThat(h).isEqualTo(new EventHeader(type, user, "doc-1", "i-" + text.length(), "2026-11-25T12:43:49.985Z"));
    }

    @Test
    void metadataInAnotherKeyOrderIsStillRead() throws Exception {
        String line = "{\"event\":{\"type\":\"x\"},\"metadata\":{\"checksum\":\"c\",\"sequenceNumber\":3,"
                + "\"timestamp\":\"t\",\"extra\":{\"a\":1}}}";
        EventLine l = codec.parse(line.getBytes(StandardCharsets.UTF_8));
        assertThat(l.sequence()).isEqualTo(3);
        assertThat(l.checksum()).isEqualTo("c");
        assertThat(l.eventJson()).isEqualTo("{\"type\":\"x\"}");
    }

    @Test
    void linesThatAreNotStoredEventsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> codec.parse("{\"metadata\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LineFormatException.class).hasMessageContaining("does not start");
        assertThatThrownBy(() -> codec.parse("{\"event\":{\"type\":\"x\"".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LineFormatException.class).hasMessageContaining("not closed");
        assertThatThrownBy(() -> codec.parse(
                "{\"event\":{},\"metadata\":{\"sequenceNumber\":0,\"checksum\":\"c\"}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LineFormatException.class).hasMessageContaining("positive sequenceNumber");
    }
}
