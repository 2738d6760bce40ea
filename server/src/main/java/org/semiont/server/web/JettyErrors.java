package org.semiont.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before a request reaches Javalin (a malformed request line, a URI or headers
 * too large, an illegal or ambiguous path): the API's JSON error shape instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
    private static final String JSON = "application/json";
    private final ObjectMapper json;

    JettyErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        SecurityHeaders.addTo(response.getHeaders());
        response.write(true, ByteBuffer.wrap(body(status, message)), callback);
    }

    /** Called for requests that could not be parsed at all, so there is no request to answer through. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        SecurityHeaders.addTo(fields);
        return ByteBuffer.wrap(body(status, reason));
    }

    private byte[] body(int status, String message) {
        ApiError code = ApiError.forStatus(status);
        String text = message == null || message.isBlank() ? code.name() : message;
        try {
            return json.writeValueAsBytes(ErrorMapper.body(code.name(), text, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body of two strings cannot be written", e);
        }
    }
}
