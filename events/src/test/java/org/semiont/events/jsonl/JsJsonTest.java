package org.semiont.events.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void controlCharactersUseShortOrLowercaseEscapesAndEverythingElseIsRawUtf8() {
        String s = "\u0001\u001f\b\f\n\r\t\"\\/é😀\u2028\u007f";
        assertThat(JsJson.toJson(JsonNodeFactory.instance.textNode(s)))
                .isEqualTo("\"\\u0001\\u001f\\b\\f\\n\\r\\t\\\"\\\\/é😀\u2028\u007f\"");
    }

    @Test
    void loneSurrogatesAreEscapedInLowercase() {
        assertThat(JsJson.toJson(JsonNodeFactory.instance.textNode("a\ud800b"))).isEqualTo("\"a\\ud800b\"");
    }

    @Test
    void integerLikeKeysComeFirstInAscendingOrderAsInJavaScript() throws Exception {
        assertThat(JsJson.toJson(mapper.readTree("{\"b\":1,\"2\":2,\"a\":3,\"1\":4,\"01\":5}")))
                .isEqualTo("{\"1\":4,\"2\":2,\"b\":1,\"a\":3,\"01\":5}");
    }

    @ParameterizedTest
    @CsvSource({
        "0.1, 0.1", "1.5, 1.5", "100.0, 100", "1e21, 1e+21", "1e-7, 1e-7", "0.000001, 0.000001",
        "123456789012345680000, 123456789012345680000", "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308", "-0.0, 0", "-2.5e-10, -2.5e-10",
        "0.30000000000000004, 0.30000000000000004", "1.2345e22, 1.2345e+22"
    })
    void doublesAreFormattedLikeNumberToString(double value, String js) {
        assertThat(JsJson.formatDouble(value)).isEqualTo(js);
    }

    @Property(tries = 2000)
    void everyFiniteDoubleRoundTripsThroughItsJavaScriptText(@ForAll double value) {
        Assume.that(Double.isFinite(value));
        String js = JsJson.formatDouble(value);
        assertThat(Double.parseDouble(js)).isEqualTo(value == 0 ? 0.0 : value);
        assertThat(js).doesNotContain("E").doesNotEndWith(".0");
    }

    @Property(tries = 500)
    void everyWellFormedStringReadsBackAsItself(@ForAll String text) throws Exception {
        Assume.that(text.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
        assertThat(mapper.readTree(JsJson.toJson(JsonNodeFactory.instance.textNode(text))).textValue()).isEqualTo(text);
    }

    @Test
    void longsBeyondTwoToThe53AreRoundedLikeJavaScriptNumbers() {
        assertThat(JsJson.toJson(JsonNodeFactory.instance.numberNode(9007199254740993L)))
                .isEqualTo("9007199254740992");
        assertThat(JsJson.toJson(JsonNodeFactory.instance.numberNode(42L))).isEqualTo("42");
    }

    @Test
    void nestedStructuresHaveNoWhitespace() throws Exception {
        String json = "{\"a\":[1,true,null,{\"x\":\"y\"}],\"b\":{}}";
        assertThat(JsJson.toJson(mapper.readTree(json))).isEqualTo(json);
    }
}
