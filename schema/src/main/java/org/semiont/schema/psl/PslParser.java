package org.semiont.schema.psl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.semiont.schema.SchemaError;
import org.semiont.schema.SchemaException;

/** Entry point of the PSL package: text → validated {@link PrismaSchema}. */
public final class PslParser {
    private PslParser() {
    }

    /**
     * Parses and validates; throws SchemaException(SCHEMA_INVALID, "<n> error(s) in <file>", details =
     * one line per diagnostic "file:line:column: message") when invalid.
     */
    public static PrismaSchema parse(String fileName, String source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        PrismaSchema schema = parse(source, diagnostics);
        if (!diagnostics.isEmpty()) {
            diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start()));
            List<String> details = diagnostics.stream().map(d -> d.format(fileName)).toList();
            throw new SchemaException(SchemaError.SCHEMA_INVALID, diagnostics.size() + " error(s) in " + fileName, details, null);
        }
        return schema;
    }

    /** Parses and validates, adding every problem to {@code diagnostics}; the schema is returned even when invalid. */
    public static PrismaSchema parse(String source, List<Diagnostic> diagnostics) {
        List<Diagnostic> syntax = new ArrayList<>();
        List<Token> tokens = new Lexer(source, syntax).tokenize();
        Parser parser = new Parser(tokens, syntax);
        parser.parse();
        Datasource ds = parser.datasources.isEmpty() ? null : parser.datasources.get(0).datasource();
        Map<String, String> dsProperties = new LinkedHashMap<>();
        if (!parser.datasources.isEmpty()) {
            parser.datasources.get(0).properties().forEach((k, v) -> dsProperties.put(k, Exprs.toText(v)));
        }
        PrismaSchema schema = new PrismaSchema(ds, dsProperties, parser.generators, parser.models, parser.enums);
        diagnostics.addAll(syntax);
        new Validator(schema, parser.datasources, diagnostics).validate();
        return schema;
    }
}
