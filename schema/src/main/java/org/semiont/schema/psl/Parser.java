package org.semiont.schema.psl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tokens → AST blocks. Syntax errors are collected; a bad line is skipped and parsing goes on. */
final class Parser {
    private final TokenCursor in;
    private final AttributeParser attributes;
    private final List<Diagnostic> diagnostics;
    final List<DatasourceBlock> datasources = new ArrayList<>();
    final List<Generator> generators = new ArrayList<>();
    final List<Model> models = new ArrayList<>();
    final List<EnumDef> enums = new ArrayList<>();

    /** A datasource with the span of its name, for validation messages. */
    record DatasourceBlock(Datasource datasource, Map<String, Expr> properties, Span span) { }

    Parser(List<Token> tokens, List<Diagnostic> diagnostics) {
        this.in = new TokenCursor(tokens);
        this.attributes = new AttributeParser(in);
        this.diagnostics = diagnostics;
    }

    void parse() {
        while (true) {
            String doc = docComments();
            if (in.at(Token.Kind.EOF)) {
                return;
            }
            try {
                block(doc);
            } catch (TokenCursor.SyntaxError e) {
                diagnostics.add(e.diagnostic);
                skipBlock();
            }
        }
    }

    private void block(String doc) {
        Token keyword = in.next();
        if (!keyword.is(Token.Kind.IDENT)) {
            throw TokenCursor.error(keyword, "Expected a block (model, enum, datasource or generator) but found " + keyword.describe() + ".");
        }
        switch (keyword.text()) {
            case "model": model(doc, keyword); break;
            case "enum": enumBlock(doc, keyword); break;
            case "datasource": datasource(keyword); break;
            case "generator": generator(keyword); break;
            case "view": case "type":
                throw TokenCursor.error(keyword, "\"" + keyword.text() + "\" blocks are not supported on PostgreSQL here: use a model.");
            default:
                throw TokenCursor.error(keyword, "Unknown block type \"" + keyword.text()
                        + "\": expected model, enum, datasource or generator.");
        }
    }

    /** After an error outside a block body: skip to the end of the enclosing block (or line). */
    private void skipBlock() {
        int depth = 0;
        while (!in.at(Token.Kind.EOF)) {
            Token t = in.next();
            if (t.is(Token.Kind.LBRACE)) {
                depth++;
            } else if (t.is(Token.Kind.RBRACE) && --depth <= 0) {
                return;
            } else if (t.is(Token.Kind.NEWLINE) && depth == 0) {
                return;
            }
        }
    }

    private String docComments() {
        List<String> lines = new ArrayList<>();
        int newlines = 0;
        while (in.at(Token.Kind.NEWLINE) || in.at(Token.Kind.DOC_COMMENT)) {
            Token t = in.next();
            if (t.is(Token.Kind.DOC_COMMENT)) {
                lines.add(t.text());
                newlines = 0;
            } else if (++newlines >= 2) {
                lines.clear();   // a blank line separates a comment from what follows
            }
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private Token blockName(Token keyword) {
        Token name = in.expect(Token.Kind.IDENT, "a name after \"" + keyword.text() + "\"");
        in.expect(Token.Kind.LBRACE, "\"{\" after " + keyword.text() + " " + name.text());
        return name;
    }

    private void model(String doc, Token keyword) {
        Token name = blockName(keyword);
        List<Field> fields = new ArrayList<>();
        List<Attribute> blockAttributes = new ArrayList<>();
        bodyLines(keyword, name, lineDoc -> {
            if (in.at(Token.Kind.AT_AT)) {
                blockAttributes.add(attributes.attribute(in.next()));
            } else {
                fields.add(field(lineDoc));
            }
        });
        models.add(new Model(name.text(), fields, blockAttributes, doc, name.span()));
    }

    private Field field(String doc) {
        Token name = in.expect(Token.Kind.IDENT, "a field name");
        if (in.at(Token.Kind.NEWLINE) || in.at(Token.Kind.RBRACE) || in.at(Token.Kind.EOF)) {
            throw TokenCursor.error(name, "Field \"" + name.text() + "\" has no type: write it as `" + name.text() + " String`.");
        }
        FieldType type = fieldType();
        List<Attribute> attrs = new ArrayList<>();
        while (in.at(Token.Kind.AT)) {
            attrs.add(attributes.attribute(in.next()));
        }
        if (in.at(Token.Kind.AT_AT)) {
            throw TokenCursor.error(in.peek(), "Block attributes (@@) go on their own line, not after field \"" + name.text() + "\".");
        }
        return new Field(name.text(), type, attrs, doc, name.span());
    }

    private FieldType fieldType() {
        Token type = in.expect(Token.Kind.IDENT, "a field type");
        String unsupported = null;
        if (type.text().equals("Unsupported") && in.at(Token.Kind.LPAREN)) {
            in.next();
            unsupported = in.expect(Token.Kind.STRING, "the type text in Unsupported(\"…\")").text();
            in.expect(Token.Kind.RPAREN, "\")\"");
        }
        FieldType.Arity arity = FieldType.Arity.REQUIRED;
        if (in.accept(Token.Kind.LBRACKET)) {
            in.expect(Token.Kind.RBRACKET, "\"]\" after \"[\"");
            arity = FieldType.Arity.LIST;
        }
        if (in.at(Token.Kind.QUESTION)) {
            Token q = in.next();
            if (arity == FieldType.Arity.LIST) {
                throw TokenCursor.error(q, "A list field cannot be optional: remove the \"?\" after \"" + type.text() + "[]\".");
            }
            arity = FieldType.Arity.OPTIONAL;
        }
        return new FieldType(type.text(), arity, unsupported, type.span());
    }

    private void enumBlock(String doc, Token keyword) {
        Token name = blockName(keyword);
        List<EnumDef.EnumValue> values = new ArrayList<>();
        List<Attribute> blockAttributes = new ArrayList<>();
        bodyLines(keyword, name, lineDoc -> {
            if (in.at(Token.Kind.AT_AT)) {
                blockAttributes.add(attributes.attribute(in.next()));
                return;
            }
            Token value = in.expect(Token.Kind.IDENT, "an enum value");
            if (!ModelValidator.isIdentifier(value.text())) {
                diagnostics.add(new Diagnostic(value.span(), "\"" + value.text() + "\" is not a valid enum value: use letters, digits"
                        + " and _ and start with a letter; keep the database name with @map(\"" + value.text() + "\")."));
            }
            String dbName = value.text();
            while (in.at(Token.Kind.AT)) {
                Attribute a = attributes.attribute(in.next());
                dbName = enumValueAttribute(a, value, dbName);
            }
            values.add(new EnumDef.EnumValue(value.text(), dbName, lineDoc, value.span()));
        });
        enums.add(new EnumDef(name.text(), values, blockAttributes, doc, name.span()));
    }

    private String enumValueAttribute(Attribute a, Token value, String dbName) {
        if (a.name().equals("map") && a.arg("name", 0).orElse(null) instanceof Expr.StringLit) {
            return ((Expr.StringLit) a.arg("name", 0).get()).value();
        }
        diagnostics.add(new Diagnostic(a.span(), "Attribute \"@" + a.name() + "\" is not valid on enum value \""
                + value.text() + "\": only @map(\"name\") is."));
        return dbName;
    }

    private void datasource(Token keyword) {
        Token name = blockName(keyword);
        Map<String, Expr> props = properties(keyword, name);
        String provider = props.get("provider") instanceof Expr.StringLit ? ((Expr.StringLit) props.get("provider")).value() : null;
        String url = props.containsKey("url") ? Exprs.toText(props.get("url")) : null;
        List<String> schemas = new ArrayList<>();
        if (props.get("schemas") instanceof Expr.ArrayLit) {
            for (Expr e : ((Expr.ArrayLit) props.get("schemas")).items()) {
                if (e instanceof Expr.StringLit) {
                    schemas.add(((Expr.StringLit) e).value());
                }
            }
        }
        String relationMode = props.get("relationMode") instanceof Expr.StringLit
                ? ((Expr.StringLit) props.get("relationMode")).value() : null;
        datasources.add(new DatasourceBlock(new Datasource(name.text(), provider, url, schemas, relationMode), props, name.span()));
    }

    private void generator(Token keyword) {
        Token name = blockName(keyword);
        Map<String, String> text = new LinkedHashMap<>();
        properties(keyword, name).forEach((k, v) -> text.put(k, Exprs.toText(v)));
        generators.add(new Generator(name.text(), text, name.span()));
    }

    private Map<String, Expr> properties(Token keyword, Token name) {
        Map<String, Expr> props = new LinkedHashMap<>();
        bodyLines(keyword, name, lineDoc -> {
            Token key = in.expect(Token.Kind.IDENT, "a property name");
            in.expect(Token.Kind.EQUALS, "\"=\" after \"" + key.text() + "\"");
            if (props.put(key.text(), attributes.expression()) != null) {
                diagnostics.add(new Diagnostic(key.span(), "Property \"" + key.text() + "\" is set twice in "
                        + keyword.text() + " \"" + name.text() + "\"."));
            }
        });
        return props;
    }

    /** Runs {@code line} for each non-empty line of a block body; a bad line is reported and skipped. */
    private void bodyLines(Token keyword, Token name, java.util.function.Consumer<String> line) {
        while (true) {
            String doc = docComments();
            if (in.accept(Token.Kind.RBRACE)) {
                return;
            }
            if (in.at(Token.Kind.EOF)) {
                diagnostics.add(new Diagnostic(name.span(), "The " + keyword.text() + " \"" + name.text()
                        + "\" is not closed: add a \"}\"."));
                return;
            }
            try {
                line.accept(doc);
                in.accept(Token.Kind.DOC_COMMENT);
                if (!in.at(Token.Kind.NEWLINE) && !in.at(Token.Kind.RBRACE) && !in.at(Token.Kind.EOF)) {
                    throw TokenCursor.error(in.peek(), "Unexpected " + in.peek().describe() + ": expected the end of the line.");
                }
            } catch (TokenCursor.SyntaxError e) {
                diagnostics.add(e.diagnostic);
                in.skipLine();
            }
        }
    }
}
