package org.semiont.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.semiont.server.util.NulChars;

/** Request parsing shared by the API routes: JSON objects, bounded integers, booleans, ids. */
public final class Requests {
    public static final int MAX_JSON_BYTES = 1 << 20;
    /** An error names at most this many offending fields, then counts the rest. */
    public static final int MAX_LISTED = 20;
    public static final String NUL_REFUSED = "Strings may not contain U+0000 (the NUL character): the database cannot "
            + "store it";
    private final ObjectMapper json;
    /** Request bodies are parsed with the request limits, far inside what the server reads back once stored. */
    private final ObjectMapper bodies = org.semiont.server.util.Json.requestMapper();

    public Requests(ObjectMapper json) {
        this.json = json;
    }

    public ObjectMapper json() {
        return json;
    }

    /**
     * The body as a JSON object: 415 unless it is labelled JSON, 413 above 1 MiB (read no further), 400 when it is
     * not UTF-8 in shortest form or not a JSON object.
     */
    public ObjectNode object(Context ctx) {
        return parse(JsonBodies.read(ctx, MAX_JSON_BYTES));
    }

    private ObjectNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ApiException(ApiError.INVALID_JSON, "The request needs a JSON object body");
        }
        JsonBodies.requireUtf8(bytes);
        JsonNode n;
        try {
            n = bodies.readTree(bytes);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new ApiException(ApiError.VALIDATION_FAILED, "The body is nested too deeply or holds too long a value: "
                    + e.getOriginalMessage() + " (JSON bodies nest at most " + org.semiont.server.util.Json.MAX_REQUEST_DEPTH
                    + " levels)");
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiError.INVALID_JSON, "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(ApiError.INVALID_JSON, "The body is not valid JSON (or not UTF-8)");
        }
        if (n == null || !n.isObject()) {
            throw new ApiException(ApiError.INVALID_JSON, "The body must be a JSON object, got " + (n == null ? "nothing" : n.getNodeType()));
        }
        if (NulChars.mayBeIn(bytes) && NulChars.in(n)) {
            throw nulRefused();
        }
        String unpaired = UnpairedSurrogates.mayBeIn(bytes) ? UnpairedSurrogates.firstIn(n) : null;
        if (unpaired != null) {
            String problem = "Strings must be Unicode text: \"" + abbreviate(UnpairedSurrogates.escaped(unpaired))
                    + "\" holds half of a surrogate pair (an escape from \\ud800 to \\udfff) without its other half";
            throw new ApiException(ApiError.VALIDATION_FAILED, problem, List.of(problem));
        }
        return (ObjectNode) n;
    }

    /** A request with U+0000 in a string: VALIDATION_FAILED, with the one problem in {@code details}. */
    public static ApiException nulRefused() {
        return new ApiException(ApiError.VALIDATION_FAILED, NUL_REFUSED, List.of(NUL_REFUSED));
    }

    /** An optional body: empty when absent. */
    public ObjectNode objectOrEmpty(Context ctx) {
        byte[] bytes = JsonBodies.read(ctx, MAX_JSON_BYTES);
        return bytes.length == 0 ? json.createObjectNode() : parse(bytes);
    }

    public static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new ApiException(ApiError.BAD_REQUEST, "Query parameter " + name + " must be an integer in " + min + ".." + max
                + ", got \"" + abbreviate(v) + "\"");
    }

    public static long longParam(Context ctx, String name, long fallback, long min, long max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new ApiException(ApiError.BAD_REQUEST, "Query parameter " + name + " must be an integer in " + min + ".." + max
                + ", got \"" + abbreviate(v) + "\"");
    }

    public static Boolean booleanParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        throw new ApiException(ApiError.BAD_REQUEST, "Query parameter " + name + " must be true or false, got \"" + abbreviate(v) + "\"");
    }

    public static String stringParam(Context ctx, String name, int maxLength) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > maxLength) {
            throw new ApiException(ApiError.BAD_REQUEST, "Query parameter " + name + " has " + v.length()
                    + " characters; at most " + maxLength);
        }
        if (v.indexOf(NulChars.NUL) >= 0) {
            throw new ApiException(ApiError.BAD_REQUEST, "Query parameter " + name + ": " + NUL_REFUSED);
        }
        return v;
    }

    /**
     * Refuses fields a change request would ignore: a PATCH of {@code {"email": …}} must not answer 200 as if it had
     * been applied.
     */
    public static void requireOnly(JsonNode body, List<String> fields, String what) {
        List<String> unknown = new ArrayList<>();
        int[] more = new int[1];
        body.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                if (unknown.size() < MAX_LISTED) {
                    unknown.add("\"" + abbreviate(f) + "\"");
                } else {
                    more[0]++;
                }
            }
        });
        if (!unknown.isEmpty()) {
            String message = what + " changes only " + String.join(", ", fields) + "; it cannot change " + String.join(", ", unknown)
                    + (more[0] == 0 ? "" : " and " + more[0] + " more");
            throw new ApiException(ApiError.VALIDATION_FAILED, message, List.of(message));
        }
    }

    public static String abbreviate(String s) {
        return Texts.abbreviate(s, 60);
    }
}
