package org.semiont.server.protocol;

import java.util.HashSet;
import java.util.Set;

/** The {@code Prefer: return=representation; include="…"; omit="…"} header of LDP. */
record Prefer(Set<String> include, Set<String> omit) {
    static Prefer parse(String header) {
        Set<String> include = new HashSet<>();
        Set<String> omit = new HashSet<>();
        if (header != null) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith("include=")) {
                    include.addAll(iris(p.substring(8)));
                } else if (p.startsWith("omit=")) {
                    omit.addAll(iris(p.substring(5)));
                }
            }
        }
        return new Prefer(Set.copyOf(include), Set.copyOf(omit));
    }

    private static Set<String> iris(String quoted) {
        Set<String> out = new HashSet<>();
        for (String iri : quoted.replace("\"", "").trim().split("\\s+")) {
            if (!iri.isEmpty()) {
                out.add(iri);
            }
        }
        return out;
    }

    boolean includes(String iri) {
        return include.contains(iri);
    }

    boolean omitsDescriptions() {
        return omit.contains(Ldp.PREFER_DESCRIPTIONS);
    }
}
