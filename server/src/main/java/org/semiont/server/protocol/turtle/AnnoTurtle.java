package org.semiont.server.protocol.turtle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.semiont.server.protocol.turtle.AnnoVocabulary.Kind;
import org.semiont.server.protocol.turtle.AnnoVocabulary.Property;

/**
 * Writes a JSON-LD document in the anno.jsonld context (an annotation, an AnnotationPage, the container) as Turtle.
 * Objects with an {@code id} become subjects of their own block; objects without one are inline blank nodes;
 * {@code items} (declared {@code @list}) is an RDF collection. Relative IRIs are written relative, so both
 * representations resolve them against the same request URL.
 */
public final class AnnoTurtle {
    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<JsonNode> subjects = new ArrayDeque<>();

    private AnnoTurtle() {
    }

    public static String write(JsonNode document) {
        AnnoTurtle t = new AnnoTurtle();
        t.subjects.add(document);
        while (!t.subjects.isEmpty()) {
            t.block(t.subjects.poll());
        }
        return prefixes(t.out) + t.out;
    }

    /**
     * Declares only the prefixes the body mentions: the full set would more than double a single annotation.
     * A prefix name that merely appears inside a string gets declared too, which is harmless.
     */
    private static String prefixes(CharSequence body) {
        StringBuilder head = new StringBuilder();
        String text = body.toString();
        for (Map.Entry<String, String> p : new TreeMap<>(AnnoVocabulary.PREFIXES).entrySet()) {
            if (text.contains(p.getKey() + ":")) {
                head.append("@prefix ").append(p.getKey()).append(": ").append(TurtleText.iri(p.getValue())).append(" .\n");
            }
        }
        return head.toString();
    }

    private void block(JsonNode node) {
        List<String> predicates = predicateObjects(node);
        String id = id(node);
        if (predicates.isEmpty()) {
            return;
        }
        out.append('\n').append(id == null ? "[]" : iri(id));
        for (int i = 0; i < predicates.size(); i++) {
            out.append(i == 0 ? "\n    " : " ;\n    ").append(predicates.get(i));
        }
        out.append(" .\n");
    }

    private List<String> predicateObjects(JsonNode node) {
        List<String> lines = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            if (key.equals("type") || key.equals("@type")) {
                addLine(lines, "a", types(f.getValue()));
            } else if (!key.equals("id") && !key.startsWith("@")) {
                Property p = AnnoVocabulary.property(key);
                if (p != null) {
                    addLine(lines, p.predicate(), objects(f.getValue(), p.kind()));
                } else if (isAbsolute(key)) {
                    addLine(lines, iri(key), objects(f.getValue(), Kind.PLAIN));
                }
            }
        }
        return lines;
    }

    private static void addLine(List<String> lines, String predicate, List<String> objects) {
        if (!objects.isEmpty()) {
            lines.add(predicate + " " + String.join(", ", objects));
        }
    }

    private List<String> types(JsonNode value) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : value.isArray() ? value : List.of(value)) {
            if (t.isTextual()) {
                String name = AnnoVocabulary.name(t.asText());
                out.add(name != null ? name : iri(t.asText()));
            }
        }
        return out;
    }

    private List<String> objects(JsonNode value, Kind kind) {
        List<String> out = new ArrayList<>();
        if (kind == Kind.IRI_LIST) {
            out.add(collection(value.isArray() ? value : List.of(value)));
        } else if (value.isArray()) {
            for (JsonNode v : value) {
                out.addAll(objects(v, kind));
            }
        } else if (value.has("@list")) {
            out.add(collection(value.get("@list")));
        } else if (!value.isNull()) {
            out.add(object(value, kind));
        }
        return out;
    }

    private String collection(Iterable<JsonNode> items) {
        StringBuilder list = new StringBuilder("(");
        for (JsonNode item : items) {
            if (!item.isNull()) {
                list.append(' ').append(object(item, Kind.IRI));
            }
        }
        return list.append(" )").toString();
    }

    private String object(JsonNode value, Kind kind) {
        if (value.isObject()) {
            return value.has("@value") ? Literals.valueObject(value) : node(value);
        }
        if (value.isTextual()) {
            return text(value.asText(), kind);
        }
        return Literals.nativeValue(value, kind);
    }

    private static String text(String s, Kind kind) {
        return switch (kind) {
            case IRI, IRI_LIST -> iri(s);
            case VOCAB -> AnnoVocabulary.name(s) != null ? AnnoVocabulary.name(s) : iri(s);
            default -> Literals.typed(s, kind);
        };
    }

    /** An object with an id is referenced and written as its own block; one without is an inline blank node. */
    private String node(JsonNode value) {
        String id = id(value);
        if (id != null) {
            subjects.add(value);
            return iri(id);
        }
        List<String> inner = predicateObjects(value);
        return inner.isEmpty() ? "[]" : "[ " + String.join(" ; ", inner) + " ]";
    }

    private static String id(JsonNode node) {
        JsonNode id = node.has("id") ? node.get("id") : node.get("@id");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    /** Writes {@code _:} ids as blank node labels and everything else as an IRI, compact ones expanded. */
    private static String iri(String s) {
        if (s.startsWith("_:")) {
            return "_:j" + s.substring(2).replaceAll("[^A-Za-z0-9_]", "_");
        }
        return TurtleText.iri(AnnoVocabulary.expand(s));
    }

    private static boolean isAbsolute(String key) {
        int colon = key.indexOf(':');
        return colon > 0 && key.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
    }
}
