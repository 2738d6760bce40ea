package org.semiont.server.protocol.turtle;

import com.fasterxml.jackson.databind.JsonNode;
import org.semiont.server.protocol.turtle.AnnoVocabulary.Kind;

/** RDF literals for JSON scalars: the context's type coercions (xsd:dateTime, xsd:nonNegativeInteger) or native types. */
final class Literals {
    private Literals() {
    }

    static String typed(String lexical, Kind kind) {
        return switch (kind) {
            case DATE_TIME -> TurtleText.string(lexical) + "^^xsd:dateTime";
            case NON_NEGATIVE_INTEGER -> TurtleText.string(lexical) + "^^xsd:nonNegativeInteger";
            default -> TurtleText.string(lexical);
        };
    }

    /** Numbers and booleans: coerced by the term when it declares a type, else xsd:integer / xsd:double / xsd:boolean. */
    static String nativeValue(JsonNode value, Kind kind) {
        if (value.isBoolean()) {
            return TurtleText.string(value.asText()) + "^^xsd:boolean";
        }
        String lexical = value.isIntegralNumber() ? value.bigIntegerValue().toString() : Double.toString(value.doubleValue());
        if (kind == Kind.DATE_TIME || kind == Kind.NON_NEGATIVE_INTEGER) {
            return typed(lexical, kind);
        }
        return TurtleText.string(lexical) + (value.isIntegralNumber() ? "^^xsd:integer" : "^^xsd:double");
    }

    /** A JSON-LD value object: {@code {"@value", "@language"?, "@type"?}}. */
    static String valueObject(JsonNode v) {
        String lexical = TurtleText.string(v.get("@value").asText());
        String language = v.path("@language").asText("");
        if (language.matches("[A-Za-z]+(-[A-Za-z0-9]+)*")) {
            return lexical + "@" + language;
        }
        if (v.hasNonNull("@type")) {
            return lexical + "^^" + TurtleText.iri(AnnoVocabulary.expand(v.get("@type").asText()));
        }
        return lexical;
    }
}
