package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recomputes checksums and links from the raw file bytes, without the log's own parser. */
class FormatCompatibilityTest {
    private static final String DOC = "doc-sha256:faf8f1b7ab05";
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyLineHasTheOriginalShapeAndChecksumsOfTheWrittenEventBytes() throws Exception {
        ObjectNode payload = mapper.createObjectNode();
        payload.putObject("annotation").put("motivation", "highlighting").put("exact", "Ål\u0001ice \"😀\"")
                .put("score", 0.1);
        try (EventLog log = Fixtures.open(dir)) {
            log.append(DOC, ExpectedVersion.any(), NewEvent.of("document.created", DOC, "u1", mapper.createObjectNode()));
            log.append(DOC, ExpectedVersion.any(), NewEvent.of("annotation.added", DOC, "u1", payload));
            log.append(DOC, ExpectedVersion.any(), NewEvent.of("annotation.removed", DOC, "u1", payload));
        }
        Path file = log(dir).get(0);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).endsWith("}\n");
        String prev = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertThat(line).startsWith("{\"event\":{\"type\":");
            String event = line.substring("{\"event\":".length(), line.lastIndexOf(",\"metadata\":{"));
            assertThat(event).contains("\"userId\":\"u1\",\"version\":1,\"payload\":")
                    .endsWith(",\"timestamp\":\"2026-11-25T12:43:49.985Z\"}");
            JsonNode meta = mapper.readTree(line).get("metadata");
            assertThat(fieldNames(meta)).containsExactlyElementsOf(i == 0
                    ? List.of("sequenceNumber", "streamPosition", "timestamp", "checksum")
                    : List.of("sequenceNumber", "streamPosition", "timestamp", "prevEventHash", "checksum"));
            assertThat(meta.get("sequenceNumber").asLong()).isEqualTo(i + 1);
            assertThat(meta.get("streamPosition").asLong()).isZero();
            assertThat(meta.get("checksum").asText()).isEqualTo(sha256(event));
            if (prev != null) {
                assertThat(meta.get("prevEventHash").asText()).isEqualTo(prev);
            }
            prev = meta.get("checksum").asText();
        }
        assertThat(lines.get(1)).contains("\"exact\":\"Ål\\u0001ice \\\"😀\\\"\"");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Path> log(Path dir) throws Exception {
        try (var s = Files.walk(dir.resolve("events"))) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).toList();
        }
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
