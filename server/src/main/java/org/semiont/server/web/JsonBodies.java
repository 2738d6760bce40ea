package org.semiont.server.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reading a JSON request body: only one labelled JSON (a browser page can send {@code text/plain} to any server
 * without asking it first, but not {@code application/json}), only up to the limit, and only UTF-8 in its shortest
 * form (Jackson would read the overlong {@code C0 AF} as "/" and {@code C0 80} as U+0000).
 */
final class JsonBodies {
    private JsonBodies() {
    }

    /**
     * The body's bytes, at most {@code max}; beyond, 413 and nothing more is kept. A body announced or found to be larger
     * than the server reads at all ({@link HttpServer#MAX_REQUEST_BYTES}) is refused at once and its connection closed;
     * one in between is read to its end and dropped, so the client, still sending, gets the 413 and not a reset
     * connection.
     */
    static byte[] read(Context ctx, int max) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0) {
            return new byte[0];
        }
        requireJsonType(ctx.contentType());
        if (declared > HttpServer.MAX_REQUEST_BYTES) {
            throw tooLarge(ctx, "has " + declared + " bytes", max, true);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length <= max) {
                return bytes;
            }
            boolean ended = drop(in, HttpServer.MAX_REQUEST_BYTES - bytes.length);
            throw tooLarge(ctx, "is longer than " + max + " bytes", max, !ended);
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "The request body could not be read: "
                    + Texts.abbreviate(String.valueOf(e.getMessage()), 200));
        }
    }

    /** Reads and forgets up to {@code budget} bytes; whether the body ended within them. */
    private static boolean drop(InputStream in, long budget) throws IOException {
        byte[] scratch = new byte[8192];
        long left = budget;
        while (left >= 0) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, left + 1));
            if (n < 0) {
                return true;
            }
            left -= n;
        }
        return false;
    }

    private static ApiException tooLarge(Context ctx, String what, int max, boolean unread) {
        if (unread) {
            // the rest of the body stays unread, so the connection cannot carry another request
            ctx.header("Connection", "close");
        }
        return new ApiException(ApiError.PAYLOAD_TOO_LARGE, "The JSON body " + what + "; at most " + max + " are accepted");
    }

    static void requireJsonType(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean json = media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json");
        if (!json) {
            throw new ApiException(ApiError.UNSUPPORTED_MEDIA_TYPE, (media.isEmpty() ? "The body has no Content-Type"
                    : "The body is labelled " + Texts.abbreviate(media, 60)) + "; send JSON as 'Content-Type: application/json'");
        }
    }

    /** 400 unless every byte sequence is UTF-8 in its shortest form (no overlong forms, no encoded surrogates). */
    static void requireUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                } catch (CharacterCodingException e) {
                    throw new ApiException(ApiError.INVALID_JSON, "The body is not valid UTF-8 (overlong and other "
                            + "malformed byte sequences are refused)");
                }
                return;
            }
        }
    }
}
