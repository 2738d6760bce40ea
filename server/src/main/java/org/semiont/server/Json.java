package org.semiont.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The server's Jackson configuration. */
public final class Json {
    private Json() {
    }

    /**
     * Characters beyond the Basic Multilingual Plane (emoji) are written as themselves in UTF-8, as JSON.stringify and
     * Javalin's string output do; Jackson's byte output would otherwise write them as two {@code \\u} escapes.
     */
    public static ObjectMapper mapper() {
        return new ObjectMapper(JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
