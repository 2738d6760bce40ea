package org.semiont.schema.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.semiont.schema.psl.Datasource;
import org.semiont.schema.psl.Exprs;
import org.semiont.schema.psl.Generator;

/** Formats drafts as PSL text, aligned the way the Prisma formatter aligns fields and properties. */
final class PslWriter {
    private final StringBuilder out = new StringBuilder();

    /** The previous file's datasource block, every property as it was written. */
    void datasource(String name, Map<String, String> properties) {
        List<String[]> props = new ArrayList<>();
        properties.forEach((k, v) -> props.add(new String[] {k, v}));
        block("datasource " + name, props);
    }

    void datasource(Datasource ds) {
        List<String[]> props = new ArrayList<>();
        props.add(new String[] {"provider", Exprs.quote(ds.provider() == null ? "postgresql" : ds.provider())});
        if (ds.url() != null) {
            props.add(new String[] {"url", ds.url()});
        }
        if (!ds.schemas().isEmpty()) {
            props.add(new String[] {"schemas", "[" + String.join(", ", ds.schemas().stream().map(Exprs::quote).toList()) + "]"});
        }
        block("datasource " + ds.name(), props);
    }

    void generator(Generator g) {
        List<String[]> props = new ArrayList<>();
        for (Map.Entry<String, String> e : g.properties().entrySet()) {
            props.add(new String[] {e.getKey(), e.getValue()});
        }
        block("generator " + g.name(), props);
    }

    private void block(String header, List<String[]> props) {
        int width = props.stream().mapToInt(p -> p[0].length()).max().orElse(0);
        out.append(header).append(" {\n");
        for (String[] p : props) {
            out.append("  ").append(pad(p[0], width)).append(" = ").append(p[1]).append('\n');
        }
        out.append("}\n\n");
    }

    void model(Draft.ModelDraft m) {
        List<Draft.FieldLine> lines = new ArrayList<>(m.fields);
        lines.addAll(m.relations);
        body("model", m.name, m.doc, lines, m.blockAttributes);
    }

    void enumBlock(Draft.EnumDraft e) {
        body("enum", e.name, e.doc, e.values, e.blockAttributes);
    }

    private void body(String keyword, String name, String doc, List<Draft.FieldLine> lines, List<String> blockAttributes) {
        docLines(doc, "");
        out.append(keyword).append(' ').append(name).append(" {\n");
        int nameWidth = lines.stream().mapToInt(l -> l.name().length()).max().orElse(0);
        int typeWidth = lines.stream().mapToInt(l -> l.type().length()).max().orElse(0);
        for (Draft.FieldLine l : lines) {
            docLines(l.doc(), "  ");
            StringBuilder line = new StringBuilder("  ").append(pad(l.name(), nameWidth));
            if (!l.type().isEmpty()) {
                line.append(' ').append(pad(l.type(), typeWidth));
            }
            if (!l.attributes().isEmpty()) {
                line.append(' ').append(String.join(" ", l.attributes()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        if (!blockAttributes.isEmpty()) {
            out.append('\n');
            blockAttributes.forEach(a -> out.append("  ").append(a).append('\n'));
        }
        out.append("}\n\n");
    }

    private void docLines(String doc, String indent) {
        if (doc != null) {
            for (String line : doc.split("\n", -1)) {
                out.append(indent).append("///").append(line.isEmpty() ? "" : " " + line).append('\n');
            }
        }
    }

    void warnings(List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        out.append("// *** WARNING ***\n//\n");
        warnings.forEach(w -> out.append("// ").append(w.replace("\n", " ")).append('\n'));
        out.append('\n');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    String text() {
        String s = out.toString();
        return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
    }
}
