package org.semiont.server.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4: every line is a comment, a HELP/TYPE line or a sample with a
 * valid name, valid labels and a float value; every sample belongs to a family declared by TYPE. Throws on anything else.
 */
public final class PromText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+-?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\[\\\\\"n])*)\"\\s*(,|$)");
    private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_total", "_created", "_max");

    /** One sample. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Map<String, String> types;
    private final List<Sample> samples;

    private PromText(Map<String, String> types, List<Sample> samples) {
        this.types = types;
        this.samples = samples;
    }

    public static PromText parse(String text) {
        Map<String, String> types = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] p = line.substring(7).split(" ");
                require(p.length == 2 && NAME.matcher(p[0]).matches()
                        && List.of("counter", "gauge", "histogram", "summary", "untyped").contains(p[1]), n, line);
                require(types.put(p[0], p[1]) == null, n, "second TYPE for " + p[0]);
            } else if (line.startsWith("#")) {
                continue;
            } else {
                Matcher m = SAMPLE.matcher(line);
                require(m.matches(), n, line);
                Sample s = new Sample(m.group(1), labels(m.group(3), n, line), value(m.group(4), n, line));
                require(family(types, s.name()).isPresent(), n, "sample of no declared family: " + line);
                samples.add(s);
            }
        }
        return new PromText(types, samples);
    }

    private static Optional<String> family(Map<String, String> types, String name) {
        if (types.containsKey(name)) {
            return Optional.of(name);
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return Optional.of(name.substring(0, name.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> labels(String text, int n, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            require(m.find(at) && m.start() == at, n, "bad labels: " + line);
            require(labels.put(m.group(1), m.group(2)) == null, n, "repeated label: " + line);
            at = m.end();
        }
        return labels;
    }

    private static double value(String v, int n, String line) {
        switch (v) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + n + ": bad value: " + line);
                }
        }
    }

    private static void require(boolean ok, int n, String what) {
        if (!ok) {
            throw new IllegalArgumentException("line " + n + ": " + what);
        }
    }

    public Optional<String> type(String family) {
        return Optional.ofNullable(types.get(family));
    }

    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the one sample of {@code name} whose labels include {@code labels} (name, value pairs). */
    public double value(String name, String... labels) {
        List<Sample> found = samples(name).stream().filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + " " + List.of(labels) + ": " + found);
        }
        return found.get(0).value();
    }

    /** Sum over every sample of {@code name}. */
    public double sum(String name) {
        return samples(name).stream().mapToDouble(Sample::value).sum();
    }

    public java.util.Set<String> names() {
        java.util.Set<String> all = new java.util.TreeSet<>();
        samples.forEach(s -> all.add(s.name()));
        return all;
    }
}
