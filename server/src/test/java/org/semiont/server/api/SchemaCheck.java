package org.semiont.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks JSON against the subset of JSON Schema our OpenAPI document uses ($ref, type, required, properties, items, enum, oneOf, pattern). */
final class SchemaCheck {
    private final JsonNode spec;

    SchemaCheck(JsonNode spec) {
        this.spec = spec;
    }

    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> out = new ArrayList<>();
        check(value, schema, "$", out);
        return out;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            JsonNode n = spec;
            for (String part : schema.get("$ref").asText().substring(2).split("/")) {
                n = n.get(part);
            }
            schema = n;
        }
        return schema;
    }

    private void check(JsonNode v, JsonNode schema, String path, List<String> out) {
        schema = resolve(schema);
        if (schema.has("oneOf")) {
            for (JsonNode alt : schema.get("oneOf")) {
                if (problems(v, alt).isEmpty()) {
                    return;
                }
            }
            out.add(path + ": matches none of oneOf");
            return;
        }
        if (schema.has("type") && !typeMatches(v, schema.get("type"))) {
            out.add(path + ": expected " + schema.get("type") + ", got " + v.getNodeType());
            return;
        }
        if (schema.has("enum") && v.isTextual()) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.asText().equals(v.asText());
            }
            if (!found) {
                out.add(path + ": " + v + " not in " + schema.get("enum"));
            }
        }
        if (schema.has("pattern") && v.isTextual() && !Pattern.compile(schema.get("pattern").asText()).matcher(v.asText()).find()) {
            out.add(path + ": " + v + " does not match " + schema.get("pattern"));
        }
        if (v.isObject()) {
            schema.path("required").forEach(r -> {
                if (!v.has(r.asText())) {
                    out.add(path + ": missing required " + r.asText());
                }
            });
            schema.path("properties").fields().forEachRemaining(p -> {
                if (v.has(p.getKey())) {
                    check(v.get(p.getKey()), p.getValue(), path + "." + p.getKey(), out);
                }
            });
        }
        if (v.isArray() && schema.has("items")) {
            for (int i = 0; i < v.size(); i++) {
                check(v.get(i), schema.get("items"), path + "[" + i + "]", out);
            }
        }
    }

    private static boolean typeMatches(JsonNode v, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(v, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "null" -> v.isNull();
            default -> true;
        };
    }
}
