package org.semiont.schema.psl;

/** A lexical token; {@code text} is the identifier, the unescaped string, the number or the doc comment. */
record Token(Kind kind, String text, Span span) {
    enum Kind {
        IDENT, STRING, NUMBER, DOC_COMMENT, AT, AT_AT, LBRACE, RBRACE, LPAREN, RPAREN, LBRACKET, RBRACKET,
        COMMA, COLON, EQUALS, QUESTION, DOT, NEWLINE, EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    String describe() {
        switch (kind) {
            case NEWLINE: return "end of line";
            case EOF: return "end of file";
            case STRING: return "string \"" + text + "\"";
            case DOC_COMMENT: return "doc comment";
            default: return "\"" + text + "\"";
        }
    }
}
