package org.semiont.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.semiont.server.protocol.turtle.AnnoTurtle;

/** The JSON-LD → Turtle mapping, checked by reading the Turtle back into triples. */
class AnnoTurtleTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OA = "http://www.w3.org/ns/oa#";
    static final String AS = "http://www.w3.org/ns/activitystreams#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String TYPE = TurtleTriples.RDF + "type";
    static final String ANN = "<http://example.org/annotations/a1>";

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static TurtleTriples turtle(String jsonText) {
        return TurtleTriples.parse(AnnoTurtle.write(json(jsonText)));
    }

    static final String ANNOTATION = "{'@context':'http://www.w3.org/ns/anno.jsonld','type':'Annotation',"
            + "'id':'http://example.org/annotations/a1','motivation':'commenting',"
            + "'target':{'source':'doc-sha256:abc','selector':[{'type':'TextQuoteSelector','exact':'W3C','prefix':'the '},"
            + "{'type':'TextPositionSelector','start':4,'end':7}]},"
            + "'body':[{'type':'TextualBody','value':'nice','purpose':'tagging','format':'text/plain'}],"
            + "'creator':{'type':'Person','id':'user-1','name':'Alice'},"
            + "'created':'2026-11-25T12:43:49.984Z','modified':'2026-11-25T12:43:50.000Z','unknownKey':'dropped'}";

    @Test
    void an_annotation_maps_to_the_oa_vocabulary_with_typed_dates_and_integers() {
        TurtleTriples t = turtle(ANNOTATION);
        assertThat(t.only(ANN, TYPE)).isEqualTo("<" + OA + "Annotation>");
        assertThat(t.only(ANN, OA + "motivatedBy")).isEqualTo("<" + OA + "commenting>");
        assertThat(t.only(ANN, "http://purl.org/dc/terms/created")).isEqualTo("\"2026-11-25T12:43:49.984Z\"^^<" + XSD + "dateTime>");
        String body = t.only(ANN, OA + "hasBody");
        assertThat(t.only(body, TYPE)).isEqualTo("<" + OA + "TextualBody>");
        assertThat(t.only(body, TurtleTriples.RDF + "value")).isEqualTo("\"nice\"^^<" + XSD + "string>");
        assertThat(t.only(body, OA + "hasPurpose")).isEqualTo("<" + OA + "tagging>");
        assertThat(t.only(body, "http://purl.org/dc/elements/1.1/format")).isEqualTo("\"text/plain\"^^<" + XSD + "string>");
        String target = t.only(ANN, OA + "hasTarget");
        assertThat(t.only(target, OA + "hasSource")).isEqualTo("<doc-sha256:abc>");
        List<String> selectors = t.objects(target, OA + "hasSelector");
        assertThat(selectors).hasSize(2);
        String position = selectors.stream().filter(s -> t.objects(s, OA + "start").size() == 1).findFirst().orElseThrow();
        assertThat(t.only(position, OA + "start")).isEqualTo("\"4\"^^<" + XSD + "nonNegativeInteger>");
        assertThat(t.only(position, OA + "end")).isEqualTo("\"7\"^^<" + XSD + "nonNegativeInteger>");
        assertThat(t.only(ANN, "http://purl.org/dc/terms/creator")).isEqualTo("<user-1>");
        assertThat(t.only("<user-1>", "http://xmlns.com/foaf/0.1/name")).isEqualTo("\"Alice\"^^<" + XSD + "string>");
        assertThat(t.only("<user-1>", TYPE)).isEqualTo("<http://xmlns.com/foaf/0.1/Person>");
        assertThat(t.triples()).noneMatch(x -> x.o().contains("dropped"));
    }

    @Test
    void strings_and_iris_round_trip_through_turtle_escaping() {
        String nasty = "quote \\\" back \\\\ nl \\n cr \\r tab \\t ctl \\u0001 del \\u007f bmp \\u00e9 astral \\ud83d\\ude00";
        TurtleTriples t = TurtleTriples.parse(AnnoTurtle.write(json("{\"id\":\"http://e.org/a b<c>{d}|^`\\\\\","
                + "\"type\":\"Annotation\",\"body\":{\"value\":\"" + nasty + "\"}}".replace('\'', '"'))));
        String expected = "quote \" back \\ nl \n cr \r tab \t ctl \u0001 del \u007f bmp \u00e9 astral \ud83d\ude00";
        String subject = "<http://e.org/a b<c>{d}|^`\\>";
        String body = t.only(subject, OA + "hasBody");
        assertThat(t.only(body, TurtleTriples.RDF + "value")).isEqualTo("\"" + expected + "\"^^<" + XSD + "string>");
    }

    @Test
    void a_lone_surrogate_becomes_the_replacement_character() {
        TurtleTriples t = turtle("{'id':'http://e.org/x','label':'a\\ud800b'}");
        assertThat(t.only("<http://e.org/x>", "http://www.w3.org/2000/01/rdf-schema#label")).startsWith("\"a\ufffdb\"");
    }

    @Test
    void a_page_lists_its_items_in_order_as_an_rdf_collection() {
        TurtleTriples t = turtle("{'id':'http://e.org/c/?page=1','type':'AnnotationPage',"
                + "'partOf':{'id':'http://e.org/c/','total':45,'type':'AnnotationCollection'},'startIndex':20,"
                + "'next':'http://e.org/c/?page=2','prev':'http://e.org/c/?page=0',"
                + "'items':[{'id':'http://e.org/a/2','type':'Annotation','target':'http://t/'},'http://e.org/a/1',"
                + "{'id':'http://e.org/a/3','type':'Annotation'}]}");
        String page = "<http://e.org/c/?page=1>";
        assertThat(t.only(page, TYPE)).isEqualTo("<" + AS + "OrderedCollectionPage>");
        assertThat(t.only(page, AS + "startIndex")).isEqualTo("\"20\"^^<" + XSD + "nonNegativeInteger>");
        assertThat(t.only(page, AS + "next")).isEqualTo("<http://e.org/c/?page=2>");
        assertThat(t.only(page, AS + "prev")).isEqualTo("<http://e.org/c/?page=0>");
        assertThat(t.only(page, AS + "partOf")).isEqualTo("<http://e.org/c/>");
        assertThat(t.only("<http://e.org/c/>", AS + "totalItems")).isEqualTo("\"45\"^^<" + XSD + "nonNegativeInteger>");
        assertThat(t.list(t.only(page, AS + "items"))).containsExactly("<http://e.org/a/2>", "<http://e.org/a/1>", "<http://e.org/a/3>");
        assertThat(t.only("<http://e.org/a/2>", OA + "hasTarget")).isEqualTo("<http://t/>");
    }

    @Test
    void an_empty_page_is_rdf_nil_and_the_container_is_an_ldp_basic_container() {
        TurtleTriples t = turtle("{'@context':['http://www.w3.org/ns/anno.jsonld','http://www.w3.org/ns/ldp.jsonld'],"
                + "'id':'http://e.org/c/','type':['BasicContainer','AnnotationCollection'],'label':'All','total':0,"
                + "'first':{'id':'http://e.org/c/?page=0','type':'AnnotationPage','items':[]},'last':'http://e.org/c/?page=0'}");
        assertThat(t.objects("<http://e.org/c/>", TYPE))
                .containsExactlyInAnyOrder("<http://www.w3.org/ns/ldp#BasicContainer>", "<" + AS + "OrderedCollection>");
        assertThat(t.only("<http://e.org/c/>", AS + "first")).isEqualTo("<http://e.org/c/?page=0>");
        assertThat(t.only("<http://e.org/c/?page=0>", AS + "items")).isEqualTo("<" + TurtleTriples.RDF + "nil>");
    }

    @Test
    void compact_iris_expand_and_native_numbers_and_booleans_are_typed() {
        TurtleTriples t = turtle("{'id':'http://e.org/x','type':'oa:Annotation','http://e.org/p':[1.5,true,7]}");
        assertThat(t.only("<http://e.org/x>", TYPE)).isEqualTo("<" + OA + "Annotation>");
        assertThat(t.objects("<http://e.org/x>", "http://e.org/p")).containsExactlyInAnyOrder(
                "\"1.5\"^^<" + XSD + "double>", "\"true\"^^<" + XSD + "boolean>", "\"7\"^^<" + XSD + "integer>");
    }

    @Test
    void value_objects_keep_a_well_formed_language_tag_and_expand_a_compact_datatype() {
        TurtleTriples t = turtle("{'id':'http://e.org/x','label':[{'@value':'Hallo','@language':'de-AT'},"
                + "{'@value':'odd','@language':'not a tag'}],'value':{'@value':'5','@type':'xsd:integer'}}");
        assertThat(t.objects("<http://e.org/x>", "http://www.w3.org/2000/01/rdf-schema#label"))
                .containsExactlyInAnyOrder("\"Hallo\"@de-AT", "\"odd\"^^<" + XSD + "string>");
        assertThat(t.only("<http://e.org/x>", TurtleTriples.RDF + "value")).isEqualTo("\"5\"^^<" + XSD + "integer>");
    }
}
