package org.semiont.server.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.semiont.server.error.DomainException;
import org.semiont.server.web.Requests;

/**
 * What an uploaded file must be to become a document: UTF-8 text in one of {@link DocumentService#FORMATS}.
 * Browsers label a {@code .md} file as they please ({@code application/octet-stream}, {@code text/x-markdown}, or
 * nothing), so a part's own type decides only when it names a format we take; otherwise the file name's extension
 * does, and anything else is refused rather than stored as text.
 */
final class UploadRules {
    private static final Map<String, String> BY_EXTENSION = Map.of("md", "text/markdown", "markdown", "text/markdown",
            "txt", "text/plain", "text", "text/plain");
    private static final Map<String, String> ALIASES = Map.of("text/x-markdown", "text/markdown");

    private UploadRules() {
    }

    /**
     * The document format of an uploaded file: the form's {@code format} field when given (checked later with the
     * rest of the document), else the part's type when it is a format we take, else the file name's extension.
     */
    static String format(String formField, String partType, String filename) {
        if (formField != null) {
            return formField;
        }
        String type = partType == null ? "" : partType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        type = ALIASES.getOrDefault(type, type);
        if (DocumentService.FORMATS.contains(type)) {
            requireUtf8Charset(partType);
            return type;
        }
        if (!type.isEmpty() && !type.equals("application/octet-stream")) {
            throw DomainException.unsupported("The file '" + shown(filename) + "' is " + type
                    + "; documents are " + String.join(" or ", DocumentService.FORMATS.stream().sorted().toList()));
        }
        String name = filename == null ? "" : filename;
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return "text/plain";
        }
        String byExtension = BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (byExtension == null) {
            throw DomainException.unsupported("Cannot tell the format of '" + shown(filename)
                    + "' from its name or type; documents are text/markdown (.md) or text/plain (.txt), or name the "
                    + "format in a 'format' field");
        }
        return byExtension;
    }

    /** The bytes as text; bytes that are not UTF-8 are refused, naming the offset of the first bad one. */
    static String utf8Text(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more chars than it has bytes
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw DomainException.invalid("VALIDATION_FAILED", "The file is not UTF-8 text: the byte at offset "
                    + in.position() + " is not; convert the file to UTF-8 and upload it again");
        }
        return out.flip().toString();
    }

    private static void requireUtf8Charset(String partType) {
        for (String param : partType.split(";")) {
            String[] kv = param.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
                String charset = kv[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8") && !charset.equals("utf8") && !charset.equals("us-ascii")) {
                    throw DomainException.unsupported("The file's charset is " + shown(charset)
                            + "; documents are stored as UTF-8: convert the file and upload it again");
                }
            }
        }
    }

    private static String shown(String s) {
        return s == null ? "" : Requests.abbreviate(s);
    }
}
