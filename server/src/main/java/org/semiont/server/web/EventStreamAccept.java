package org.semiont.server.web;

import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Content negotiation for Server-Sent Events streams. A client that accepts any type ({@code *}{@code /*},
 * {@code text/*}, or no {@code Accept} at all: curl, most HTTP libraries) is served the stream as HTTP asks; Javalin
 * streams only when the header names {@code text/event-stream}, so for such a client the header is named for it.
 */
public final class EventStreamAccept extends Handler.Wrapper {
    public static final String MEDIA_TYPE = "text/event-stream";
    private final String pathSuffix;

    /** Applies to GET requests whose path ends with {@code pathSuffix} (the stream routes). */
    public EventStreamAccept(String pathSuffix) {
        this.pathSuffix = pathSuffix;
    }

    /**
     * Whether {@code accept} (an Accept header, or null) allows {@code text/event-stream}: the most specific
     * media range that matches it decides, and q=0 refuses.
     */
    public static boolean acceptable(String accept) {
        return accept == null || accept.isBlank() || MediaRanges.quality(accept, EventStreamAccept::specificity) > 0;
    }

    private static int specificity(String range) {
        return range.equals(MEDIA_TYPE) ? 2 : range.equals("text/*") ? 1 : range.equals("*/*") ? 0 : -1;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // every request passes here (writes too): only a GET of a stream path reads its headers
        if (!"GET".equals(request.getMethod()) || !Request.getPathInContext(request).endsWith(pathSuffix)) {
            return super.handle(request, response, callback);
        }
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        if ((accept == null || !accept.toLowerCase(Locale.ROOT).contains(MEDIA_TYPE)) && acceptable(accept)) {
            HttpFields headers = HttpFields.build(request.getHeaders()).put(HttpHeader.ACCEPT, MEDIA_TYPE);
            request = new Request.Wrapper(request) {
                @Override
                public HttpFields getHeaders() {
                    return headers;
                }
            };
        }
        return super.handle(request, response, callback);
    }
}
