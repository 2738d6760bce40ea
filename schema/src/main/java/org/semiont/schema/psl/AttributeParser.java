package org.semiont.schema.psl;

import java.util.ArrayList;
import java.util.List;

/** Parses attributes ({@code @x}, {@code @@x}, {@code @db.X(…)}) and their argument expressions. */
final class AttributeParser {
    private final TokenCursor in;

    AttributeParser(TokenCursor in) {
        this.in = in;
    }

    /** After the @ or @@ token: a possibly dotted name and optional arguments. */
    Attribute attribute(Token at) {
        Token name = in.expect(Token.Kind.IDENT, "an attribute name after \"" + at.text() + "\"");
        StringBuilder full = new StringBuilder(name.text());
        while (in.accept(Token.Kind.DOT)) {
            full.append('.').append(in.expect(Token.Kind.IDENT, "a name after \".\"").text());
        }
        List<Argument> args = in.at(Token.Kind.LPAREN) ? arguments() : List.of();
        Token last = in.peekAhead(-1);
        Span span = new Span(at.span().line(), at.span().column(), at.span().start(), Math.max(last.span().end(), name.span().end()));
        return new Attribute(full.toString(), args, span);
    }

    List<Argument> arguments() {
        in.expect(Token.Kind.LPAREN, "\"(\"");
        List<Argument> args = new ArrayList<>();
        while (!in.at(Token.Kind.RPAREN)) {
            args.add(argument());
            if (!in.accept(Token.Kind.COMMA) && !in.at(Token.Kind.RPAREN)) {
                throw TokenCursor.error(in.peek(), "Expected \",\" or \")\" in the argument list but found " + in.peek().describe() + ".");
            }
        }
        in.next();
        return args;
    }

    private Argument argument() {
        Token first = in.peek();
        if (first.is(Token.Kind.IDENT) && in.peekAhead(1).is(Token.Kind.COLON)) {
            in.next();
            in.next();
            return new Argument(first.text(), expression(), first.span());
        }
        return new Argument(null, expression(), first.span());
    }

    Expr expression() {
        Token t = in.peek();
        if (t.is(Token.Kind.NEWLINE) || t.is(Token.Kind.EOF) || t.is(Token.Kind.RBRACE)) {
            throw TokenCursor.error(t, "Expected a value (a string, a number, a name, a function call or a list) but found "
                    + t.describe() + ".");
        }
        in.next();
        switch (t.kind()) {
            case STRING: return new Expr.StringLit(t.text(), t.span());
            case NUMBER: return new Expr.NumberLit(t.text(), t.span());
            case LBRACKET: return array(t);
            case IDENT:
                if (in.at(Token.Kind.LPAREN)) {
                    return new Expr.Call(t.text(), arguments(), t.span());
                }
                return new Expr.Ident(t.text(), t.span());
            default:
                throw TokenCursor.error(t, "Expected a value (a string, a number, a name, a function call or a list) but found "
                        + t.describe() + ".");
        }
    }

    private Expr array(Token open) {
        List<Expr> items = new ArrayList<>();
        while (!in.at(Token.Kind.RBRACKET)) {
            items.add(expression());
            if (!in.accept(Token.Kind.COMMA) && !in.at(Token.Kind.RBRACKET)) {
                throw TokenCursor.error(in.peek(), "Expected \",\" or \"]\" in the list but found " + in.peek().describe() + ".");
            }
        }
        in.next();
        return new Expr.ArrayLit(items, open.span());
    }
}
