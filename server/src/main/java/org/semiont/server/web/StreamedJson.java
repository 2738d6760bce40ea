package org.semiont.server.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON answer written as it is produced, for answers too large to build in memory. A failure part-way never leaves
 * an answer that looks whole (a generator closed on the way out would close the open arrays and objects, and a 200
 * would carry valid JSON with rows missing): while nothing has gone out, the buffer is dropped and the failure is
 * answered like any other; once the answer has begun, the connection is cut, so the client sees a broken transfer.
 */
public final class StreamedJson {
    private static final Logger log = LoggerFactory.getLogger(StreamedJson.class);

    /** Writes the body of the answer. */
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private StreamedJson() {
    }

    public static void write(Context ctx, ObjectMapper json, int status, Body body) throws IOException {
        ctx.status(status).contentType("application/json");
        JsonGenerator g = json.createGenerator(ctx.outputStream(), JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        try {
            body.write(g);
            g.close();
        } catch (IOException | RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                ctx.res().resetBuffer();
                throw e;
            }
            log.error("{} {} failed after its answer had begun; the connection is cut", ctx.method(), ctx.path(), e);
            ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(e);
        }
    }
}
