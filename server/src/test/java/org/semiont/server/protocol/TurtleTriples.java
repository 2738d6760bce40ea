package org.semiont.server.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A strict test-only Turtle reader for the subset a server may emit: {@code @prefix}, IRIs with UCHAR escapes,
 * prefixed names, {@code a}, quoted strings with escapes, language tags and datatypes, {@code _:} labels,
 * {@code [ ]} property lists and {@code ( )} collections. Anything else fails with the offset, so a malformed
 * response fails the test. Terms come back as {@code <iri>}, {@code _:bN} or {@code "lexical"^^<datatype>}.
 */
final class TurtleTriples {
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    record Triple(String s, String p, String o) {
    }

    private final String text;
    private final Map<String, String> prefixes = new HashMap<>();
    private final Set<Triple> triples = new LinkedHashSet<>();
    private int pos;
    private int blank;

    private TurtleTriples(String text) {
        this.text = text;
    }

    static TurtleTriples parse(String text) {
        TurtleTriples t = new TurtleTriples(text);
        t.document();
        return t;
    }

    Set<Triple> triples() {
        return triples;
    }

    /** Objects of (subject, predicate), predicate given as a full IRI. */
    List<String> objects(String subject, String predicate) {
        return triples.stream().filter(t -> t.s.equals(subject) && t.p.equals("<" + predicate + ">")).map(Triple::o)
                .collect(Collectors.toList());
    }

    String only(String subject, String predicate) {
        List<String> o = objects(subject, predicate);
        if (o.size() != 1) {
            throw new AssertionError("expected one " + predicate + " of " + subject + ", got " + o + " in\n" + text);
        }
        return o.get(0);
    }

    /** The members of the RDF list starting at head. */
    List<String> list(String head) {
        List<String> out = new ArrayList<>();
        for (String node = head; !node.equals("<" + RDF + "nil>"); node = only(node, RDF + "rest")) {
            out.add(only(node, RDF + "first"));
        }
        return out;
    }

    private void document() {
        for (skip(); pos < text.length(); skip()) {
            if (text.startsWith("@prefix", pos)) {
                pos += 7;
                skip();
                int colon = text.indexOf(':', pos);
                String name = text.substring(pos, colon);
                pos = colon + 1;
                skip();
                prefixes.put(name, iriRef().replaceAll("^<|>$", ""));
            } else {
                String subject = text.charAt(pos) == '[' ? blankPropertyList() : term();
                skip();
                if (text.charAt(pos) != '.') {
                    predicateObjects(subject);
                }
            }
            expect('.');
        }
    }

    private void predicateObjects(String subject) {
        do {
            skip();
            if (text.charAt(pos) == '.' || text.charAt(pos) == ']') {
                return;
            }
            String predicate;
            if (text.startsWith("a ", pos)) {
                pos++;
                predicate = "<" + RDF + "type>";
            } else {
                predicate = term();
            }
            do {
                skip();
                triples.add(new Triple(subject, predicate, object()));
                skip();
            } while (consume(','));
        } while (consume(';'));
    }

    private String object() {
        char c = text.charAt(pos);
        if (c == '[') {
            return blankPropertyList();
        }
        if (c == '(') {
            return collection();
        }
        if (c == '"') {
            return literal();
        }
        return term();
    }

    private String blankPropertyList() {
        expect('[');
        String node = "_:b" + blank++;
        skip();
        if (text.charAt(pos) != ']') {
            predicateObjects(node);
        }
        skip();
        expect(']');
        return node;
    }

    private String collection() {
        expect('(');
        List<String> items = new ArrayList<>();
        for (skip(); text.charAt(pos) != ')'; skip()) {
            items.add(object());
        }
        expect(')');
        String head = "<" + RDF + "nil>";
        for (int i = items.size() - 1; i >= 0; i--) {
            String node = "_:b" + blank++;
            triples.add(new Triple(node, "<" + RDF + "first>", items.get(i)));
            triples.add(new Triple(node, "<" + RDF + "rest>", head));
            head = node;
        }
        return head;
    }

    private String literal() {
        expect('"');
        StringBuilder lexical = new StringBuilder();
        for (char c = text.charAt(pos++); c != '"'; c = text.charAt(pos++)) {
            if (c == '\n' || c == '\r') {
                throw fail("raw line break in a string");
            }
            lexical.append(c == '\\' ? escape("tbnrf\"'\\") : String.valueOf(c));
        }
        String quoted = "\"" + lexical + "\"";
        if (consume('@')) {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
                pos++;
            }
            return quoted + "@" + text.substring(start, pos);
        }
        if (text.startsWith("^^", pos)) {
            pos += 2;
            return quoted + "^^" + term();
        }
        return quoted + "^^<http://www.w3.org/2001/XMLSchema#string>";
    }

    private String term() {
        char c = text.charAt(pos);
        if (c == '<') {
            return iriRef();
        }
        if (text.startsWith("_:", pos)) {
            int start = pos;
            pos += 2;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return "_:label-" + text.substring(start + 2, pos);
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_-:.".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        while (text.charAt(pos - 1) == '.') {
            pos--;
        }
        String pname = text.substring(start, pos);
        int colon = pname.indexOf(':');
        if (colon < 0 || !prefixes.containsKey(pname.substring(0, colon))) {
            throw fail("unknown prefixed name '" + pname + "'");
        }
        return "<" + prefixes.get(pname.substring(0, colon)) + pname.substring(colon + 1) + ">";
    }

    private String iriRef() {
        expect('<');
        StringBuilder iri = new StringBuilder("<");
        for (char c = text.charAt(pos++); c != '>'; c = text.charAt(pos++)) {
            if (c <= 0x20 || "<\"{}|^`".indexOf(c) >= 0) {
                throw fail("character U+" + Integer.toHexString(c) + " not allowed in an IRI");
            }
            iri.append(c == '\\' ? escape("") : String.valueOf(c));
        }
        return iri.append('>').toString();
    }

    /** After a backslash: a UCHAR, or one of the single-character escapes allowed here. */
    private String escape(String allowed) {
        char e = text.charAt(pos++);
        if (e == 'u' || e == 'U') {
            int n = e == 'u' ? 4 : 8;
            int cp = Integer.parseInt(text.substring(pos, pos + n), 16);
            pos += n;
            return new String(Character.toChars(cp));
        }
        int i = allowed.indexOf(e);
        if (i < 0) {
            throw fail("bad escape \\" + e);
        }
        return String.valueOf("\t\b\n\r\f\"'\\".charAt(i));
    }

    private void skip() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private boolean consume(char c) {
        skip();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw fail("expected '" + c + "'");
        }
    }

    private AssertionError fail(String what) {
        int from = Math.max(0, pos - 40);
        return new AssertionError(what + " at offset " + pos + ": ..." + text.substring(from, Math.min(text.length(), pos + 40)));
    }
}
