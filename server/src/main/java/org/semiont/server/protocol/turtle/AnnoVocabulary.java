package org.semiont.server.protocol.turtle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The terms of the W3C anno.jsonld context (plus ldp:BasicContainer from ldp.jsonld) that our annotations,
 * pages and the container use: JSON keys to predicates with their value kind, and class / vocabulary names.
 * Keys not listed here are dropped, as a JSON-LD processor drops keys its context does not define.
 */
final class AnnoVocabulary {
    /** How a JSON value under a key becomes an RDF object (the term's {@code @type} / {@code @container}). */
    enum Kind { IRI, VOCAB, PLAIN, DATE_TIME, NON_NEGATIVE_INTEGER, IRI_LIST }

    record Property(String predicate, Kind kind) {
    }

    static final Map<String, String> PREFIXES = prefixes();
    private static final Map<String, Property> PROPERTIES = properties();
    private static final Map<String, String> NAMES = names();

    private AnnoVocabulary() {
    }

    static Property property(String key) {
        return PROPERTIES.get(key);
    }

    /** A class or vocabulary term (Annotation, commenting…) as a prefixed name; null when it is no term. */
    static String name(String term) {
        return NAMES.get(term);
    }

    /** Expands a compact IRI ({@code oa:Annotation}) of one of the context's prefixes; anything else is returned as is. */
    static String expand(String iri) {
        int colon = iri.indexOf(':');
        if (colon > 0 && !iri.startsWith("//", colon + 1)) {
            String ns = PREFIXES.get(iri.substring(0, colon));
            if (ns != null) {
                return ns + iri.substring(colon + 1);
            }
        }
        return iri;
    }

    private static Map<String, String> prefixes() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("oa", "http://www.w3.org/ns/oa#");
        p.put("as", "http://www.w3.org/ns/activitystreams#");
        p.put("dc", "http://purl.org/dc/elements/1.1/");
        p.put("dcterms", "http://purl.org/dc/terms/");
        p.put("dctypes", "http://purl.org/dc/dcmitype/");
        p.put("foaf", "http://xmlns.com/foaf/0.1/");
        p.put("ldp", "http://www.w3.org/ns/ldp#");
        p.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        p.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        p.put("schema", "http://schema.org/");
        p.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        return Map.copyOf(p);
    }

    private static Map<String, Property> properties() {
        Map<String, Property> m = new LinkedHashMap<>();
        iris(m, "body oa:hasBody", "target oa:hasTarget", "source oa:hasSource", "selector oa:hasSelector",
                "state oa:hasState", "scope oa:hasScope", "refinedBy oa:refinedBy", "startSelector oa:hasStartSelector",
                "endSelector oa:hasEndSelector", "renderedVia oa:renderedVia", "creator dcterms:creator",
                "generator as:generator", "rights dcterms:rights", "homepage foaf:homepage", "via oa:via",
                "canonical oa:canonical", "stylesheet oa:styledBy", "cached oa:cachedSource", "conformsTo dcterms:conformsTo",
                "partOf as:partOf", "first as:first", "last as:last", "next as:next", "prev as:prev",
                "audience schema:audience");
        m.put("items", new Property("as:items", Kind.IRI_LIST));
        for (String v : new String[] {"motivation oa:motivatedBy", "purpose oa:hasPurpose", "textDirection oa:textDirection"}) {
            m.put(v.split(" ")[0], new Property(v.split(" ")[1], Kind.VOCAB));
        }
        plain(m, "accessibility schema:accessibilityFeature", "bodyValue oa:bodyValue", "format dc:format",
                "language dc:language", "processingLanguage oa:processingLanguage", "value rdf:value", "exact oa:exact",
                "prefix oa:prefix", "suffix oa:suffix", "styleClass oa:styleClass", "name foaf:name", "email foaf:mbox",
                "email_sha1 foaf:mbox_sha1sum", "nickname foaf:nick", "label rdfs:label");
        for (String d : new String[] {"created dcterms:created", "modified dcterms:modified", "generated dcterms:issued",
                "sourceDate oa:sourceDate", "sourceDateStart oa:sourceDateStart", "sourceDateEnd oa:sourceDateEnd"}) {
            m.put(d.split(" ")[0], new Property(d.split(" ")[1], Kind.DATE_TIME));
        }
        for (String n : new String[] {"start oa:start", "end oa:end", "total as:totalItems", "startIndex as:startIndex"}) {
            m.put(n.split(" ")[0], new Property(n.split(" ")[1], Kind.NON_NEGATIVE_INTEGER));
        }
        return Map.copyOf(m);
    }

    private static void iris(Map<String, Property> m, String... pairs) {
        for (String p : pairs) {
            m.put(p.split(" ")[0], new Property(p.split(" ")[1], Kind.IRI));
        }
    }

    private static void plain(Map<String, Property> m, String... pairs) {
        for (String p : pairs) {
            m.put(p.split(" ")[0], new Property(p.split(" ")[1], Kind.PLAIN));
        }
    }

    private static Map<String, String> names() {
        Map<String, String> n = new LinkedHashMap<>();
        for (String c : new String[] {"Annotation", "TextualBody", "ResourceSelection", "SpecificResource", "FragmentSelector",
                "CssSelector", "XPathSelector", "TextQuoteSelector", "TextPositionSelector", "DataPositionSelector",
                "SvgSelector", "RangeSelector", "TimeState", "HttpRequestState", "Choice", "Motivation",
                "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting", "identifying",
                "linking", "moderating", "questioning", "replying", "reviewing", "assessing", "tagging"}) {
            n.put(c, "oa:" + c);
        }
        n.put("CssStylesheet", "oa:CssStyle");
        n.put("auto", "oa:autoDirection");
        n.put("ltr", "oa:ltrDirection");
        n.put("rtl", "oa:rtlDirection");
        n.put("Dataset", "dctypes:Dataset");
        n.put("Image", "dctypes:StillImage");
        n.put("Video", "dctypes:MovingImage");
        n.put("Audio", "dctypes:Sound");
        n.put("Text", "dctypes:Text");
        n.put("Person", "foaf:Person");
        n.put("Organization", "foaf:Organization");
        n.put("Software", "as:Application");
        n.put("AnnotationCollection", "as:OrderedCollection");
        n.put("AnnotationPage", "as:OrderedCollectionPage");
        n.put("Audience", "schema:Audience");
        n.put("BasicContainer", "ldp:BasicContainer");
        return Map.copyOf(n);
    }
}
