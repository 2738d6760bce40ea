package org.semiont.schema.psl;

import java.util.ArrayList;
import java.util.List;

/** Turns PSL text into tokens; `//` comments are dropped, `///` doc comments kept. Problems go to diagnostics. */
final class Lexer {
    private final String src;
    private final List<Diagnostic> diagnostics;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    Lexer(String src, List<Diagnostic> diagnostics) {
        this.src = src;
        this.diagnostics = diagnostics;
    }

    List<Token> tokenize() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                add(Token.Kind.NEWLINE, "\n", pos, pos + 1);
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                pos++;
            } else if (src.startsWith("//", pos)) {
                comment();
            } else if (c == '"') {
                string();
            } else if (Character.isLetter(c) || c == '_') {
                identifier();
            } else if (Character.isDigit(c) || (c == '-' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                number();
            } else {
                punctuation(c);
            }
        }
        add(Token.Kind.EOF, "", pos, pos);
        return tokens;
    }

    private void comment() {
        int start = pos;
        int end = src.indexOf('\n', pos);
        end = end < 0 ? src.length() : end;
        pos = end;
        if (src.startsWith("///", start)) {
            String text = src.substring(start + 3, end).strip();
            add(Token.Kind.DOC_COMMENT, text, start, end);
        }
    }

    private void string() {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < src.length() && src.charAt(pos) != '"' && src.charAt(pos) != '\n') {
            char c = src.charAt(pos++);
            if (c == '\\' && pos < src.length() && src.charAt(pos) != '\n') {
                sb.append(unescape(src.charAt(pos++)));
            } else {
                sb.append(c);
            }
        }
        if (pos >= src.length() || src.charAt(pos) != '"') {
            diagnostics.add(new Diagnostic(span(start, pos), "This string is not closed: add a \" before the end of the line."));
        } else {
            pos++;
        }
        add(Token.Kind.STRING, sb.toString(), start, pos);
    }

    private static char unescape(char c) {
        switch (c) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            default: return c;
        }
    }

    private void identifier() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_' || src.charAt(pos) == '-')) {
            pos++;
        }
        add(Token.Kind.IDENT, src.substring(start, pos), start, pos);
    }

    private void number() {
        int start = pos++;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                || src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            pos++;
        }
        add(Token.Kind.NUMBER, src.substring(start, pos), start, pos);
    }

    private void punctuation(char c) {
        int start = pos;
        Token.Kind kind = punctuationKind(c);
        if (kind == Token.Kind.AT && src.startsWith("@@", pos)) {
            pos += 2;
            add(Token.Kind.AT_AT, "@@", start, pos);
            return;
        }
        pos++;
        if (kind == null) {
            diagnostics.add(new Diagnostic(span(start, pos), "Unexpected character \"" + c + "\"."));
            return;
        }
        add(kind, String.valueOf(c), start, pos);
    }

    private static Token.Kind punctuationKind(char c) {
        switch (c) {
            case '@': return Token.Kind.AT;
            case '{': return Token.Kind.LBRACE;
            case '}': return Token.Kind.RBRACE;
            case '(': return Token.Kind.LPAREN;
            case ')': return Token.Kind.RPAREN;
            case '[': return Token.Kind.LBRACKET;
            case ']': return Token.Kind.RBRACKET;
            case ',': return Token.Kind.COMMA;
            case ':': return Token.Kind.COLON;
            case '=': return Token.Kind.EQUALS;
            case '?': return Token.Kind.QUESTION;
            case '.': return Token.Kind.DOT;
            default: return null;
        }
    }

    private void add(Token.Kind kind, String text, int start, int end) {
        tokens.add(new Token(kind, text, span(start, end)));
    }

    private Span span(int start, int end) {
        return new Span(line, start - lineStart + 1, start, end);
    }
}
