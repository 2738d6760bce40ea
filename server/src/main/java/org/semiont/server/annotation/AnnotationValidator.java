package org.semiont.server.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.semiont.server.web.Texts;

/**
 * Checks a W3C Web Annotation (motivation, target with selectors, body items) and collects every problem,
 * each naming the JSON path, what was found and what is allowed.
 */
public final class AnnotationValidator {
    public static final Set<String> MOTIVATIONS = Set.of("assessing", "bookmarking", "classifying", "commenting",
            "describing", "editing", "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging");
    static final int MAX_STRING = 100_000;
    /** As for entity types themselves. */
    static final int MAX_TAG = 100;
    static final int MAX_ITEMS = 100;
    static final int MAX_DEPTH = 8;
    private static final Set<String> TEXT_SELECTORS = Set.of("FragmentSelector", "CssSelector", "XPathSelector");

    private final List<String> problems = new ArrayList<>();

    private AnnotationValidator() {
    }

    public static List<String> validate(JsonNode a) {
        return validate(a, true);
    }

    /** @param motivationRequired the API requires one; the W3C model (and the protocol container) does not */
    public static List<String> validate(JsonNode a, boolean motivationRequired) {
        AnnotationValidator v = new AnnotationValidator();
        if (a == null || !a.isObject()) {
            return List.of("the annotation must be a JSON object, got " + kind(a));
        }
        if (motivationRequired || a.has("motivation")) {
            v.motivation(a.get("motivation"));
        }
        v.target(a.get("target"));
        v.body(a.get("body"), "body");
        return v.problems;
    }

    /** Validates {@code operations} of a body update: add/remove {item}, replace {oldItem,newItem}. */
    public static List<String> validateOperations(JsonNode ops) {
        AnnotationValidator v = new AnnotationValidator();
        if (ops == null || !ops.isArray() || ops.isEmpty() || ops.size() > MAX_ITEMS) {
            return List.of("operations must be an array of 1.." + MAX_ITEMS + " operations, got " + kind(ops));
        }
        for (int i = 0; i < ops.size(); i++) {
            v.operation(ops.get(i), "operations[" + i + "]");
        }
        return v.problems;
    }

    private void operation(JsonNode op, String path) {
        String name = op.path("op").asText("");
        switch (name) {
            case "add", "remove" -> bodyItem(op.get("item"), path + ".item");
            case "replace" -> {
                bodyItem(op.get("oldItem"), path + ".oldItem");
                bodyItem(op.get("newItem"), path + ".newItem");
            }
            default -> problems.add(path + ".op must be \"add\", \"remove\" or \"replace\", got " + kind(op.get("op")));
        }
    }

    private void motivation(JsonNode m) {
        if (m == null || !m.isTextual() || !MOTIVATIONS.contains(m.asText())) {
            problems.add("motivation must be one of " + new java.util.TreeSet<>(MOTIVATIONS) + ", got " + kind(m));
        }
    }

    private void target(JsonNode t) {
        if (t == null) {
            problems.add("target is required (an IRI, or {source, selector?})");
        } else if (t.isTextual()) {
            iri(t, "target");
        } else if (t.isObject()) {
            iri(t.get("source"), "target.source");
            if (t.has("selector")) {
                selectors(t.get("selector"), "target.selector");
            }
        } else {
            problems.add("target must be an IRI string or an object {source, selector?}, got " + kind(t));
        }
    }

    private void selectors(JsonNode s, String path) {
        if (s.isArray()) {
            if (s.isEmpty() || s.size() > MAX_ITEMS) {
                problems.add(path + " must hold 1.." + MAX_ITEMS + " selectors, got " + s.size());
            }
            for (int i = 0; i < s.size() && i < MAX_ITEMS; i++) {
                selector(s.get(i), path + "[" + i + "]", 0);
            }
        } else {
            selector(s, path, 0);
        }
    }

    private void selector(JsonNode s, String path, int depth) {
        if (depth > MAX_DEPTH) {
            problems.add(path + " nests selectors deeper than " + MAX_DEPTH);
            return;
        }
        if (s == null || !s.isObject()) {
            problems.add(path + " must be a selector object, got " + kind(s));
            return;
        }
        String type = s.path("type").asText("");
        switch (type) {
            case "TextPositionSelector", "DataPositionSelector" -> positions(s, path);
            case "TextQuoteSelector" -> {
                string(s.get("exact"), path + ".exact", true);
                string(s.get("prefix"), path + ".prefix", false);
                string(s.get("suffix"), path + ".suffix", false);
            }
            case "SvgSelector" -> {
                if (!s.has("value") && !s.has("id")) {
                    problems.add(path + " (SvgSelector) needs value (SVG markup) or id (an SVG IRI)");
                }
                string(s.get("value"), path + ".value", false);
            }
            case "RangeSelector" -> {
                selector(s.get("startSelector"), path + ".startSelector", depth + 1);
                selector(s.get("endSelector"), path + ".endSelector", depth + 1);
            }
            default -> {
                if (TEXT_SELECTORS.contains(type)) {
                    string(s.get("value"), path + ".value", true);
                } else {
                    problems.add(path + ".type must be a W3C selector (TextPositionSelector, TextQuoteSelector, "
                            + "FragmentSelector, CssSelector, XPathSelector, RangeSelector, DataPositionSelector, SvgSelector), got "
                            + kind(s.get("type")));
                }
            }
        }
        if (s.has("refinedBy")) {
            selector(s.get("refinedBy"), path + ".refinedBy", depth + 1);
        }
    }

    private void positions(JsonNode s, String path) {
        JsonNode start = s.get("start");
        JsonNode end = s.get("end");
        boolean ok = true;
        for (String f : List.of("start", "end")) {
            JsonNode n = s.get(f);
            if (n == null || !n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
                problems.add(path + "." + f + " must be an integer >= 0, got " + kind(n));
                ok = false;
            }
        }
        if (ok && start.asLong() > end.asLong()) {
            problems.add(path + " has start " + start.asLong() + " after end " + end.asLong());
        }
    }

    private void body(JsonNode b, String path) {
        if (b == null || b.isNull()) {
            return;
        }
        if (b.isArray()) {
            if (b.size() > MAX_ITEMS) {
                problems.add(path + " holds " + b.size() + " items (at most " + MAX_ITEMS + ")");
                return;
            }
            for (int i = 0; i < b.size(); i++) {
                bodyItem(b.get(i), path + "[" + i + "]");
            }
        } else {
            bodyItem(b, path);
        }
    }

    private void bodyItem(JsonNode b, String path) {
        if (b != null && b.isTextual()) {
            iri(b, path);
            return;
        }
        if (b == null || !b.isObject()) {
            problems.add(path + " must be a TextualBody, a SpecificResource or an IRI, got " + kind(b));
            return;
        }
        String type = b.path("type").asText("");
        if (type.equals("TextualBody")) {
            string(b.get("value"), path + ".value", true);
            JsonNode value = b.get("value");
            if (AnnotationShapes.isTag(b) && value != null && value.isTextual() && value.asText().length() > MAX_TAG) {
                problems.add(path + ".value of a tagging body is an entity type: at most " + MAX_TAG + " characters, got "
                        + value.asText().length());
            }
            string(b.get("format"), path + ".format", false);
            string(b.get("language"), path + ".language", false);
        } else if (type.equals("SpecificResource")) {
            iri(b.get("source"), path + ".source");
        } else {
            problems.add(path + ".type must be \"TextualBody\" or \"SpecificResource\", got " + kind(b.get("type")));
        }
        JsonNode purpose = b.get("purpose");
        if (purpose != null && (!purpose.isTextual() || !MOTIVATIONS.contains(purpose.asText()))) {
            problems.add(path + ".purpose must be a W3C motivation, got " + kind(purpose));
        }
    }

    private void iri(JsonNode n, String path) {
        if (n == null || !n.isTextual() || n.asText().isBlank() || n.asText().length() > 2048
                || n.asText().chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            problems.add(path + " must be an IRI (1..2048 characters, no spaces or control characters), got " + kind(n));
        }
    }

    private void string(JsonNode n, String path, boolean required) {
        if (n == null) {
            if (required) {
                problems.add(path + " is required (a string)");
            }
        } else if (!n.isTextual()) {
            problems.add(path + " must be a string, got " + kind(n));
        } else if (n.asText().length() > MAX_STRING) {
            problems.add(path + " has " + n.asText().length() + " characters (at most " + MAX_STRING + ")");
        }
    }

    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isTextual()) {
            String t = n.asText();
            return "\"" + Texts.abbreviate(t, 40) + "\"";
        }
        return n.isContainerNode() ? (n.isArray() ? "an array" : "an object") : n.toString();
    }
}
