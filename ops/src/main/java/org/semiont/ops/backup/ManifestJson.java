package org.semiont.ops.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** Manifests as JSON: ISO-8601 times, unknown fields of a newer format tolerated. */
public final class ManifestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestJson() {
    }

    public static byte[] write(Manifest m) {
        try {
            return MAPPER.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write manifest " + m.id(), e);
        }
    }

    public static Manifest read(byte[] bytes) throws IOException {
        return MAPPER.readValue(bytes, Manifest.class);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
