package org.semiont.studio.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Query strings from name/value pairs (repeated names allowed), URL-encoded. */
public final class Urls {
    private Urls() {
    }

    public record Param(String name, String value) {
    }

    public static String query(List<Param> params) {
        List<String> parts = new ArrayList<>();
        for (Param p : params) {
            if (p.value() != null) {
                parts.add(enc(p.name()) + "=" + enc(p.value()));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<Param> from(Map<String, List<String>> map, String... names) {
        List<Param> out = new ArrayList<>();
        for (String n : names) {
            for (String v : map.getOrDefault(n, List.of())) {
                out.add(new Param(n, v));
            }
        }
        return out;
    }
}
