package org.semiont.server.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.semiont.events.jsonl.LogJson;

/** The server's Jackson configuration. */
public final class Json {
    /**
     * How deep a request body may nest (the default of .NET's System.Text.Json, far beyond any real annotation).
     * Everything stored is read back with the event log's limits ({@link LogJson#MAX_DEPTH}), which leave ample room
     * for the few levels that wrapping a request into an event or a row adds.
     */
    public static final int MAX_REQUEST_DEPTH = 64;
    private static final StreamReadConstraints REQUEST = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_REQUEST_DEPTH).build();

    private Json() {
    }

    /**
     * For what the server wrote itself (rows, projection files, events): the event log's read limits. Characters
     * beyond the Basic Multilingual Plane (emoji) are written as themselves in UTF-8, as JSON.stringify and Javalin's
     * string output do; Jackson's byte output would otherwise write them as two {@code \\u} escapes.
     */
    public static ObjectMapper mapper() {
        return configured(LogJson.READ);
    }

    /** For request bodies: the same mapper with the request limits (nesting at most {@value #MAX_REQUEST_DEPTH}). */
    public static ObjectMapper requestMapper() {
        return configured(REQUEST);
    }

    private static ObjectMapper configured(StreamReadConstraints limits) {
        return new ObjectMapper(JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .streamReadConstraints(limits).build())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
