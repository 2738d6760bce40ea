package org.semiont.schema.psl;

import java.util.List;

/** A position in the token list, with the helpers the parsers share. A syntax error aborts the current line. */
final class TokenCursor {
    private final List<Token> tokens;
    private int index;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peekAhead(int n) {
        return tokens.get(Math.max(0, Math.min(index + n, tokens.size() - 1)));
    }

    boolean at(Token.Kind kind) {
        return peek().is(kind);
    }

    Token next() {
        Token t = peek();
        if (!t.is(Token.Kind.EOF)) {
            index++;
        }
        return t;
    }

    boolean accept(Token.Kind kind) {
        if (at(kind)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Token.Kind kind, String what) {
        if (!at(kind)) {
            throw error(peek(), "Expected " + what + " but found " + peek().describe() + ".");
        }
        return next();
    }

    /** Skips to the end of the current line, but stops before a closing brace so the block still ends. */
    void skipLine() {
        while (!at(Token.Kind.NEWLINE) && !at(Token.Kind.EOF) && !at(Token.Kind.RBRACE)) {
            next();
        }
    }

    void skipNewlines() {
        while (at(Token.Kind.NEWLINE)) {
            next();
        }
    }

    static SyntaxError error(Token at, String message) {
        return new SyntaxError(new Diagnostic(at.span(), message));
    }

    /** Internal control flow: one malformed line, reported and skipped. */
    static final class SyntaxError extends RuntimeException {
        final transient Diagnostic diagnostic;

        SyntaxError(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }
}
