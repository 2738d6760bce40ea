package org.semiont.events.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serializes Jackson trees exactly as JavaScript's {@code JSON.stringify} does, because the
 * original Semiont checksums those bytes: raw UTF-8, short escapes for \b \f \n \r \t, lowercase
 * <code>\\u00xx</code> for other control characters and lone surrogates, JS number formatting, and JS
 * property order (array-index keys ascending first, then insertion order).
 */
public final class JsJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsJson() {
    }

    public static byte[] toBytes(JsonNode node) {
        StringBuilder sb = new StringBuilder(256);
        write(node, sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String toJson(JsonNode node) {
        StringBuilder sb = new StringBuilder(256);
        write(node, sb);
        return sb.toString();
    }

    public static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            writeObject(node, out);
        } else if (node.isArray()) {
            writeArray(node, out);
        } else if (node.isTextual()) {
            writeString(node.textValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNumber()) {
            writeNumber(node, out);
        } else {
            throw new IllegalArgumentException("cannot serialize JSON node of type " + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : jsOrder(node)) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(e.getKey(), out);
            out.append(':');
            write(e.getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(node.get(i), out);
        }
        out.append(']');
    }

    /** JS objects list integer-index keys first, ascending, then the rest in insertion order. */
    private static List<Map.Entry<String, JsonNode>> jsOrder(JsonNode node) {
        List<Map.Entry<String, JsonNode>> indices = null;
        List<Map.Entry<String, JsonNode>> others = new ArrayList<>(node.size());
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (isArrayIndex(e.getKey())) {
                if (indices == null) {
                    indices = new ArrayList<>();
                }
                indices.add(e);
            } else {
                others.add(e);
            }
        }
        if (indices == null) {
            return others;
        }
        indices.sort((a, b) -> Long.compare(Long.parseLong(a.getKey()), Long.parseLong(b.getKey())));
        indices.addAll(others);
        return indices;
    }

    static boolean isArrayIndex(String key) {
        int n = key.length();
        if (n == 0 || n > 10 || (n > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.parseLong(key) < 4294967295L;
    }

    public static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        appendUnicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private static void appendUnicodeEscape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }

    private static void writeNumber(JsonNode node, StringBuilder out) {
        if (node.isInt() || node.isShort()) {
            out.append(node.intValue());
        } else if (node.isLong() && Math.abs(node.longValue()) <= (1L << 53)) {
            out.append(node.longValue());
        } else {
            out.append(formatDouble(node.doubleValue()));
        }
    }

    /** {@code Number.prototype.toString()} for a double (ECMA-262 Number::toString, radix 10). */
    public static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == 0) {
            return "0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal shortest = shortestDecimal(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        return sign + layout(digits, k, n);
    }

    private static BigDecimal shortestDecimal(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == abs) {
                return r.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static String layout(String digits, int k, int n) {
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        String exp = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
        if (k == 1) {
            return digits + "e" + exp;
        }
        return digits.charAt(0) + "." + digits.substring(1) + "e" + exp;
    }
}
